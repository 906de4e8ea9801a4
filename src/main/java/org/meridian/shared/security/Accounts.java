package org.meridian.shared.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, their roles and sign-in failures, read and written with plain SQL. */
@Repository
public class Accounts {

    /** Lock-out rule (登录锁定): this many failed sign-ins ... */
    public static final int LOCKOUT_FAILURES = 5;
    /** ... within this window lock the account until the window has passed since the last failure. */
    public static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    public Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the accounts list. */
    public record Account(long id, long hospitalId, String username, String displayName, boolean enabled,
                          Long channelId, Set<Role> roles, boolean locked, OffsetDateTime createdAt) {
    }

    public Optional<MeridianUser> loadForSignIn(String username, Instant now) {
        return jdbc.sql("""
                        SELECT u.id, u.hospital_id, u.username, u.display_name, u.password_hash, u.enabled, u.channel_id
                        FROM app_user u WHERE lower(u.username) = lower(:username)""")
                .param("username", username)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), (Long) rs.getObject(7, Long.class)})
                .optional()
                .map(r -> new MeridianUser((long) r[0], (long) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (boolean) r[5], isLocked((long) r[1], (long) r[0], now), (Long) r[6],
                        roles((long) r[1], (long) r[0])));
    }

    public Optional<MeridianUser> loadById(long hospitalId, long userId, Instant now) {
        return jdbc.sql("SELECT username FROM app_user WHERE hospital_id = :h AND id = :id")
                .param("h", hospitalId).param("id", userId)
                .query(String.class).optional()
                .flatMap(username -> loadForSignIn(username, now));
    }

    public Set<Role> roles(long hospitalId, long userId) {
        List<String> names = jdbc.sql("SELECT role FROM app_user_role WHERE hospital_id = :h AND user_id = :u")
                .param("h", hospitalId).param("u", userId).query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    /**
     * Whether the account is locked from every address: by failures whose address is not known (recorded before
     * sign-ins were throttled per address, or by {@link #recordFailure(long, long, Instant)}). Failures from known
     * addresses throttle only their own address ({@link SignInThrottle}), so no stranger can lock an account out.
     */
    public boolean isLocked(long hospitalId, long userId, Instant now) {
        Integer failures = jdbc.sql("""
                        SELECT count(*) FROM login_failure
                        WHERE hospital_id = :h AND user_id = :u AND remote_addr IS NULL AND failed_at > :since""")
                .param("h", hospitalId).param("u", userId)
                .param("since", OffsetDateTime.ofInstant(now.minus(LOCKOUT_WINDOW), ZoneOffset.UTC))
                .query(Integer.class).single();
        return failures >= LOCKOUT_FAILURES;
    }

    /** A failed sign-in of an account from an address not known: it counts against every address. */
    public void recordFailure(long hospitalId, long userId, Instant at) {
        recordFailure(hospitalId, userId, null, null, at);
    }

    /**
     * A failed sign-in as {@code username} (as typed; {@code hospitalId} and {@code userId} null when no such account
     * exists) from {@code address} (null when not known).
     */
    public void recordFailure(Long hospitalId, Long userId, String username, String address, Instant at) {
        jdbc.sql("""
                        INSERT INTO login_failure (hospital_id, user_id, username, remote_addr, failed_at)
                        VALUES (:h, :u, :n, :a, :at)""")
                .param("h", hospitalId).param("u", userId).param("n", username).param("a", address)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /**
     * When {@code username} failed to sign in from {@code address} since {@code since}, with the failures of that
     * account whose address is not known.
     */
    public List<Instant> failuresOf(String username, String address, Instant since) {
        return jdbc.sql("""
                        SELECT f.failed_at FROM login_failure f
                        WHERE f.failed_at > :since
                          AND ((lower(f.username) = lower(:n) AND f.remote_addr = :a)
                            OR (f.remote_addr IS NULL AND (f.hospital_id, f.user_id) IN
                                (SELECT u.hospital_id, u.id FROM app_user u WHERE lower(u.username) = lower(:n))))""")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .param("n", username).param("a", address)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    /** When anyone failed to sign in from {@code address} since {@code since}, whatever the username. */
    public List<Instant> failuresFrom(String address, Instant since) {
        return jdbc.sql("SELECT failed_at FROM login_failure WHERE remote_addr = :a AND failed_at > :since")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).param("a", address)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    /** Ends a lock-out at once: every failure of the account, from every address. */
    public void clearFailures(long hospitalId, long userId) {
        jdbc.sql("""
                        DELETE FROM login_failure WHERE (hospital_id = :h AND user_id = :u)
                           OR lower(username) = (SELECT lower(username) FROM app_user WHERE hospital_id = :h AND id = :u)""")
                .param("h", hospitalId).param("u", userId).update();
    }

    /** After a successful sign-in: the failures of this account from this address, and those without an address. */
    public void clearFailures(long hospitalId, long userId, String username, String address) {
        if (address == null) {
            clearFailures(hospitalId, userId);
            return;
        }
        jdbc.sql("""
                        DELETE FROM login_failure
                        WHERE (hospital_id = :h AND user_id = :u AND remote_addr IS NULL)
                           OR (lower(username) = lower(:n) AND remote_addr = :a)""")
                .param("h", hospitalId).param("u", userId).param("n", username).param("a", address).update();
    }

    public Optional<Long> hospitalOf(String username) {
        return jdbc.sql("SELECT hospital_id FROM app_user WHERE lower(username) = lower(:n)")
                .param("n", username).query(Long.class).optional();
    }

    public boolean usernameTaken(String username) {
        return hospitalOf(username).isPresent();
    }

    public long insert(long hospitalId, String username, String displayName, String passwordHash, Long channelId,
                       Set<Role> roles) {
        long id = jdbc.sql("""
                        INSERT INTO app_user (hospital_id, username, display_name, password_hash, channel_id)
                        VALUES (:h, :username, :displayName, :hash, :channel) RETURNING id""")
                .param("h", hospitalId).param("username", username).param("displayName", displayName)
                .param("hash", passwordHash).param("channel", channelId)
                .query(Long.class).single();
        replaceRoles(hospitalId, id, roles);
        return id;
    }

    public void replaceRoles(long hospitalId, long userId, Set<Role> roles) {
        jdbc.sql("DELETE FROM app_user_role WHERE hospital_id = :h AND user_id = :u")
                .param("h", hospitalId).param("u", userId).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (hospital_id, user_id, role) VALUES (:h, :u, :r)")
                    .param("h", hospitalId).param("u", userId).param("r", role.name()).update();
        }
    }

    public void updatePassword(long hospitalId, long userId, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :p, password_changed_at = now() WHERE hospital_id = :h AND id = :u")
                .param("p", passwordHash).param("h", hospitalId).param("u", userId).update();
    }

    public void updateProfile(long hospitalId, long userId, String displayName, boolean enabled, Long channelId) {
        jdbc.sql("""
                        UPDATE app_user SET display_name = :d, enabled = :e, channel_id = :c
                        WHERE hospital_id = :h AND id = :u""")
                .param("d", displayName).param("e", enabled).param("c", channelId)
                .param("h", hospitalId).param("u", userId).update();
    }

    /** The accounts of a hospital by username, each with its roles and whether it is locked now. */
    public List<Account> list(long hospitalId, Instant now) {
        return accounts(hospitalId, null, now);
    }

    public Optional<Account> find(long hospitalId, long userId, Instant now) {
        return accounts(hospitalId, userId, now).stream().findFirst();
    }

    private List<Account> accounts(long hospitalId, Long userId, Instant now) {
        return jdbc.sql("""
                        SELECT u.id, u.hospital_id, u.username, u.display_name, u.enabled, u.channel_id, u.created_at,
                               (SELECT string_agg(r.role, ',') FROM app_user_role r
                                 WHERE r.hospital_id = u.hospital_id AND r.user_id = u.id) AS roles,
                               (SELECT count(*) FROM login_failure f
                                 WHERE f.hospital_id = u.hospital_id AND f.user_id = u.id AND f.failed_at > :since) AS failures
                        FROM app_user u
                        WHERE u.hospital_id = :h AND (CAST(:id AS bigint) IS NULL OR u.id = :id)
                        ORDER BY lower(u.username)""")
                .param("h", hospitalId).param("id", userId)
                .param("since", OffsetDateTime.ofInstant(now.minus(LOCKOUT_WINDOW), ZoneOffset.UTC))
                .query((rs, i) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    String names = rs.getString(8);
                    if (names != null) {
                        for (String n : names.split(",")) {
                            roles.add(Role.valueOf(n));
                        }
                    }
                    return new Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getObject(6, Long.class), roles, rs.getLong(9) >= LOCKOUT_FAILURES,
                            rs.getObject(7, OffsetDateTime.class));
                })
                .list();
    }

    /** Whether the account has been granted this further hospital (besides its own) to act in. */
    public boolean mayActIn(long userId, long hospitalId) {
        return jdbc.sql("SELECT count(*) FROM admin_hospital WHERE user_id = :u AND hospital_id = :h")
                .param("u", userId).param("h", hospitalId).query(Long.class).single() > 0;
    }

    /** The further hospitals the account has been granted, by code (its own hospital is not among them). */
    public List<Hospital> grantedTo(long userId) {
        return jdbc.sql("""
                        SELECT h.id, h.code, h.name, h.time_zone FROM admin_hospital a JOIN hospital h ON h.id = a.hospital_id
                        WHERE a.user_id = :u ORDER BY h.code""")
                .param("u", userId)
                .query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3),
                        java.time.ZoneId.of(rs.getString(4))))
                .list();
    }

    /** An account of a region's hospital as the region's pages list it, with its hospital's code and name. */
    public record RegionAccount(long id, String username, String displayName, String hospitalCode,
                                String hospitalName, boolean enabled) {
    }

    /** The accounts of the region's hospitals that hold a role directly, by hospital code and username. */
    public List<RegionAccount> withRoleInRegion(long regionId, Role role) {
        return jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, h.code, h.name, u.enabled
                        FROM app_user u JOIN hospital h ON h.id = u.hospital_id
                        JOIN app_user_role r ON r.hospital_id = u.hospital_id AND r.user_id = u.id
                        WHERE h.region_id = :region AND r.role = :role
                        ORDER BY h.code, lower(u.username)""")
                .param("region", regionId).param("role", role.name())
                .query((rs, i) -> new RegionAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    /** An account by username, if it belongs to a hospital of the region. */
    public Optional<RegionAccount> inRegion(long regionId, String username) {
        return jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, h.code, h.name, u.enabled
                        FROM app_user u JOIN hospital h ON h.id = u.hospital_id
                        WHERE h.region_id = :region AND lower(u.username) = lower(:n)""")
                .param("region", regionId).param("n", username)
                .query((rs, i) -> new RegionAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    /** A grant to act in a further hospital ({@code admin_hospital}), with the roles the account holds at home. */
    public record HospitalGrant(RegionAccount account, String hospitalCode, String hospitalName, Instant grantedAt) {
    }

    /**
     * The grants of further hospitals to accounts of the region's hospitals, by account and hospital, one page of
     * them; {@code text} (optional) is found in the username, the display name or the granted hospital's code or name.
     */
    public Paged<HospitalGrant> hospitalGrants(long regionId, String text, int page, int size) {
        String from = """
                FROM admin_hospital a JOIN app_user u ON u.id = a.user_id
                JOIN hospital h ON h.id = u.hospital_id JOIN hospital g ON g.id = a.hospital_id
                WHERE h.region_id = :region AND (CAST(:q AS text) IS NULL
                  OR strpos(lower(u.username), lower(CAST(:q AS text))) > 0
                  OR strpos(lower(u.display_name), lower(CAST(:q AS text))) > 0
                  OR strpos(lower(g.code), lower(CAST(:q AS text))) > 0
                  OR strpos(lower(g.name), lower(CAST(:q AS text))) > 0)
                """;
        long total = jdbc.sql("SELECT count(*) " + from).param("region", regionId).param("q", text)
                .query(Long.class).single();
        List<HospitalGrant> items = jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, h.code, h.name, u.enabled, g.code, g.name, a.granted_at
                        """ + from + """
                        ORDER BY lower(u.username), g.code LIMIT :size OFFSET :offset""")
                .param("region", regionId).param("q", text).param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new HospitalGrant(new RegionAccount(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6)), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
        return new Paged<>(items, page, size, total);
    }

    /** Lets the account act in the hospital too, with the roles it holds; false when it already could. */
    public boolean grantHospital(long userId, long hospitalId) {
        return jdbc.sql("INSERT INTO admin_hospital (hospital_id, user_id) VALUES (:h, :u) ON CONFLICT DO NOTHING")
                .param("h", hospitalId).param("u", userId).update() > 0;
    }

    /** Ends the grant; false when there was none. */
    public boolean revokeHospital(long userId, long hospitalId) {
        return jdbc.sql("DELETE FROM admin_hospital WHERE hospital_id = :h AND user_id = :u")
                .param("h", hospitalId).param("u", userId).update() > 0;
    }

    public long countUsers(long hospitalId) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE hospital_id = :h")
                .param("h", hospitalId).query(Long.class).single();
    }
}
