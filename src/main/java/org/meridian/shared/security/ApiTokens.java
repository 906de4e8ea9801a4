package org.meridian.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens (个人访问令牌) for the API: {@code Authorization: Bearer mrd_…}. The secret is
 * shown once at creation; only its SHA-256 hash is stored (a random 192-bit secret needs no slow hash).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "mrd_";
    public static final int NAME_MAX = 100;
    /** Longest validity a token can be given: ten years. Without a validity a token lasts until revoked. */
    public static final int MAX_VALID_DAYS = 3650;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as listed to its owner or an administrator: never the secret. */
    public record Token(long id, long userId, String username, String name, String prefix, OffsetDateTime createdAt,
                        OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        public boolean active(OffsetDateTime now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A newly created token with its secret, which is shown to the user once and never again. */
    public record Created(Token token, String secret) {
    }

    /**
     * Creates a token for its owner; the name is required (at most 100 characters) and the validity, when
     * given, is 1 to 3,650 days. Breaking either rejects the token with both problems listed.
     */
    @Transactional
    public Created create(MeridianUser owner, String name, Integer validDays) {
        List<Problem> problems = problems(name, validDays);
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String value = secret.toString();
        OffsetDateTime expires = validDays == null ? null
                : OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(validDays);
        long id = jdbc.sql("""
                        INSERT INTO api_token (hospital_id, user_id, name, token_prefix, token_hash, expires_at)
                        VALUES (:h, :u, :n, :p, :hash, :exp) RETURNING id""")
                .param("h", owner.hospitalId()).param("u", owner.userId()).param("n", name.strip())
                .param("p", value.substring(0, 10)).param("hash", sha256(value)).param("exp", expires)
                .query(Long.class).single();
        audit.record(owner.hospitalId(), CurrentUser.find().map(MeridianUser::getUsername).orElse(owner.getUsername()),
                "TOKEN_CREATED", owner.getUsername() + "/" + name.strip(),
                expires == null ? Map.of("prefix", value.substring(0, 10))
                        : Map.of("prefix", value.substring(0, 10), "expiresAt", expires.toString()));
        return new Created(find(owner.hospitalId(), id).orElseThrow(), value);
    }

    /** Every rule a new token breaks: a name of 1 to 100 characters, a validity of 1 to 3,650 days if given. */
    public static List<Problem> problems(String name, Integer validDays) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(Problem.of("name", "token.error.nameRequired"));
        } else if (name.strip().length() > NAME_MAX) {
            problems.add(Problem.of("name", "token.error.nameTooLong"));
        }
        if (validDays != null && (validDays < 1 || validDays > MAX_VALID_DAYS)) {
            problems.add(Problem.of("validDays", "token.error.validDays"));
        }
        return problems;
    }

    /** Revokes a token; an owner revokes their own, an administrator any in the hospital. */
    @Transactional
    public boolean revoke(MeridianUser caller, long tokenId) {
        Optional<Token> token = find(caller.hospitalId(), tokenId);
        if (token.isEmpty() || (token.get().userId() != caller.userId() && !caller.hasRole(Role.ADMIN))) {
            return false;
        }
        if (token.get().revokedAt() != null) {
            return true;
        }
        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE hospital_id = :h AND id = :id")
                .param("h", caller.hospitalId()).param("id", tokenId).update();
        audit.record(caller.hospitalId(), caller.getUsername(), "TOKEN_REVOKED",
                token.get().username() + "/" + token.get().name(), Map.of("prefix", token.get().prefix()));
        return true;
    }

    public List<Token> ofUser(long hospitalId, long userId) {
        return query("WHERE t.hospital_id = :h AND t.user_id = :u", Map.of("h", hospitalId, "u", userId));
    }

    public List<Token> ofHospital(long hospitalId) {
        return query("WHERE t.hospital_id = :h", Map.of("h", hospitalId));
    }

    public Optional<Token> find(long hospitalId, long id) {
        return query("WHERE t.hospital_id = :h AND t.id = :id", Map.of("h", hospitalId, "id", id)).stream().findFirst();
    }

    /** The owner of an active token with this secret, if any; records its use. */
    @Transactional
    public Optional<long[]> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<long[]> owner = jdbc.sql("""
                        SELECT hospital_id, user_id, id FROM api_token
                        WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())""")
                .param("hash", sha256(secret))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .optional();
        owner.ifPresent(o -> jdbc.sql("""
                        UPDATE api_token SET last_used_at = now()
                        WHERE hospital_id = :h AND id = :id
                          AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .param("h", o[0]).param("id", o[2]).update());
        return owner;
    }

    private List<Token> query(String where, Map<String, ?> params) {
        return jdbc.sql("""
                        SELECT t.id, t.user_id, u.username, t.name, t.token_prefix, t.created_at, t.expires_at,
                               t.last_used_at, t.revoked_at
                        FROM api_token t JOIN app_user u ON u.hospital_id = t.hospital_id AND u.id = t.user_id
                        """ + where + " ORDER BY t.created_at DESC, t.id DESC")
                .params(params)
                .query((rs, i) -> new Token(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)))
                .list();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
