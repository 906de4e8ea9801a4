package org.meridian.shared.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts' authenticators (secret sealed, confirmed or not, last step used), recovery codes and wrong codes. */
@Repository
class SecondFactors {

    /** One account's authenticator; {@code confirmedAt} null while enrolment waits for the first code. */
    record Row(long hospitalId, long userId, byte[] sealedSecret, Instant createdAt, Instant confirmedAt,
               long lastStep) {

        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    private final JdbcClient jdbc;

    SecondFactors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long hospitalId, long userId) {
        return jdbc.sql("""
                        SELECT hospital_id, user_id, secret, created_at, confirmed_at, last_step
                        FROM second_factor WHERE hospital_id = :h AND user_id = :u""")
                .param("h", hospitalId).param("u", userId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getBytes(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null),
                        rs.getLong(6)))
                .optional();
    }

    /** A new, unconfirmed authenticator, replacing an unconfirmed one; false when a confirmed one exists. */
    boolean begin(long hospitalId, long userId, byte[] sealedSecret, Instant at) {
        return jdbc.sql("""
                        INSERT INTO second_factor (hospital_id, user_id, secret, created_at)
                        VALUES (:h, :u, :s, :at)
                        ON CONFLICT (hospital_id, user_id) DO UPDATE SET secret = :s, created_at = :at, last_step = -1
                        WHERE second_factor.confirmed_at IS NULL""")
                .param("h", hospitalId).param("u", userId).param("s", sealedSecret).param("at", utc(at))
                .update() > 0;
    }

    /** Marks the authenticator confirmed with the step of its first code; false when it already was. */
    boolean confirm(long hospitalId, long userId, long step, Instant at) {
        return jdbc.sql("""
                        UPDATE second_factor SET confirmed_at = :at, last_step = :step
                        WHERE hospital_id = :h AND user_id = :u AND confirmed_at IS NULL""")
                .param("h", hospitalId).param("u", userId).param("step", step).param("at", utc(at))
                .update() > 0;
    }

    /**
     * Takes a step as used, only when it is later than the last one used: two sign-ins racing with the same code get
     * one {@code true}.
     */
    boolean useStep(long hospitalId, long userId, long step) {
        return jdbc.sql("""
                        UPDATE second_factor SET last_step = :step
                        WHERE hospital_id = :h AND user_id = :u AND confirmed_at IS NOT NULL AND last_step < :step""")
                .param("h", hospitalId).param("u", userId).param("step", step).update() > 0;
    }

    /** Removes the authenticator with its recovery codes; false when there was none. */
    boolean delete(long hospitalId, long userId) {
        return jdbc.sql("DELETE FROM second_factor WHERE hospital_id = :h AND user_id = :u")
                .param("h", hospitalId).param("u", userId).update() > 0;
    }

    void replaceRecoveryCodes(long hospitalId, long userId, List<String> hashes) {
        jdbc.sql("DELETE FROM second_factor_recovery WHERE hospital_id = :h AND user_id = :u")
                .param("h", hospitalId).param("u", userId).update();
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO second_factor_recovery (hospital_id, user_id, code_hash) VALUES (:h, :u, :c)")
                    .param("h", hospitalId).param("u", userId).param("c", hash).update();
        }
    }

    /** Marks an unused recovery code used; false when there is no such unused code. */
    boolean useRecoveryCode(long hospitalId, long userId, String hash, Instant at) {
        return jdbc.sql("""
                        UPDATE second_factor_recovery SET used_at = :at
                        WHERE hospital_id = :h AND user_id = :u AND code_hash = :c AND used_at IS NULL""")
                .param("h", hospitalId).param("u", userId).param("c", hash).param("at", utc(at)).update() > 0;
    }

    int unusedRecoveryCodes(long hospitalId, long userId) {
        return jdbc.sql("""
                        SELECT count(*) FROM second_factor_recovery
                        WHERE hospital_id = :h AND user_id = :u AND used_at IS NULL""")
                .param("h", hospitalId).param("u", userId).query(Integer.class).single();
    }

    void recordFailure(long hospitalId, long userId, String address, Instant at) {
        jdbc.sql("""
                        INSERT INTO second_factor_failure (hospital_id, user_id, remote_addr, failed_at)
                        VALUES (:h, :u, :a, :at)""")
                .param("h", hospitalId).param("u", userId).param("a", address).param("at", utc(at)).update();
    }

    List<Instant> failuresSince(long hospitalId, long userId, Instant since) {
        return jdbc.sql("""
                        SELECT failed_at FROM second_factor_failure
                        WHERE hospital_id = :h AND user_id = :u AND failed_at > :since""")
                .param("h", hospitalId).param("u", userId).param("since", utc(since))
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    void clearFailures(long hospitalId, long userId) {
        jdbc.sql("DELETE FROM second_factor_failure WHERE hospital_id = :h AND user_id = :u")
                .param("h", hospitalId).param("u", userId).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
