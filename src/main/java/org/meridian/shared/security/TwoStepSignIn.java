package org.meridian.shared.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.meridian.shared.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-step sign-in (两步验证): after the password, a code from an authenticator app (TOTP, {@link OneTimePassword}) or
 * one of ten one-time recovery codes.
 * <p>
 * A person enrols on My account: Meridian makes a 160-bit secret, shows it as an {@code otpauth://} URI (and QR code)
 * and in groups of four characters, and keeps it unconfirmed until the person types a first right code; then the
 * authenticator counts and ten recovery codes are shown once (only their SHA-256 hashes are kept). The secret is kept
 * encrypted ({@link FieldCipher}, key {@code MERIDIAN_SECOND_FACTOR_KEY} or the file {@code second-factor.key}).
 * <p>
 * Who must: the roles of the setting {@code meridian.second-factor.required-roles} ({@code MERIDIAN_SECOND_FACTOR_ROLES},
 * a comma-separated list of role names held directly, {@code none} for nobody; {@code default} means ADMIN and
 * HOSPITAL_MANAGER, and nobody in the demo). Anyone else may enrol of their own accord; whoever has an authenticator is
 * asked for a code at every sign-in.
 * <p>
 * Wrong codes at sign-in are throttled like wrong passwords ({@link SignInThrottle#lockedUntil}: five within a day
 * refuse further codes of the account for 15 minutes after the last, doubling with every further five), counted per
 * account apart from the password failures, so that a right password does not clear them; a right code or recovery
 * code clears them. Audited: {@code SECOND_FACTOR_ENROLLED}, {@code SECOND_FACTOR_DISABLED},
 * {@code SECOND_FACTOR_RECOVERY_USED}, {@code SECOND_FACTOR_FAILED}, {@code SECOND_FACTOR_RESET} (by an administrator).
 */
@Service
public class TwoStepSignIn {

    public static final int RECOVERY_CODES = 10;
    static final String KEY_FILE = "second-factor.key";
    static final String ISSUER = "Meridian";
    static final Set<Role> DEFAULT_REQUIRED = EnumSet.of(Role.ADMIN, Role.HOSPITAL_MANAGER);
    /** Characters of a recovery code: 10 of Base32's alphabet, 50 random bits. */
    private static final int RECOVERY_LENGTH = 10;

    /** What enrolment shows: the secret in groups of four characters and the URI an authenticator app reads. */
    public record Setup(String groupedSecret, String uri) {
    }

    /** An account's second factor as My account shows it. */
    public record Status(boolean required, boolean enrolled, Instant enrolledAt, int recoveryCodesLeft) {
    }

    /** How a code typed at sign-in was taken. */
    public enum Outcome {
        /** A right code of the authenticator. */
        PASSED,
        /** An unused recovery code, now used. */
        RECOVERY_USED,
        /** Wrong, too old, or already used: counted as a failure. */
        WRONG,
        /** Too many wrong codes lately: not even checked. */
        THROTTLED
    }

    private final SecondFactors factors;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final FieldCipher cipher;
    private final Set<Role> requiredRoles;
    private final SecureRandom random = new SecureRandom();

    TwoStepSignIn(SecondFactors factors, Accounts accounts, AuditLog audit, Clock clock,
                  @Value("${meridian.second-factor.key:}") String configuredKey,
                  @Value("${meridian.data-dir}") Path dataDir,
                  @Value("${meridian.second-factor.required-roles:default}") String requiredRoles,
                  @Value("${meridian.demo:false}") boolean demo) {
        this.factors = factors;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.cipher = new FieldCipher(configuredKey, dataDir.resolve(KEY_FILE), "second factor key");
        this.requiredRoles = requiredRoles(requiredRoles, demo);
    }

    /**
     * The roles the setting names: {@code default} (or nothing set) is ADMIN and HOSPITAL_MANAGER, except in the demo,
     * where it is nobody; {@code none} or blank is nobody; otherwise role names separated by commas.
     *
     * @throws IllegalStateException naming the first unknown role, so a typo stops the start instead of weakening it
     */
    static Set<Role> requiredRoles(String setting, boolean demo) {
        String text = setting == null ? "default" : setting.strip();
        if (text.equalsIgnoreCase("default")) {
            return demo ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(DEFAULT_REQUIRED);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return roles;
        }
        for (String name : text.split(",")) {
            String role = name.strip().toUpperCase(Locale.ROOT);
            if (Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
                throw new IllegalStateException("MERIDIAN_SECOND_FACTOR_ROLES names no role '" + name.strip()
                        + "'; roles are " + Arrays.toString(Role.values()) + ", or none");
            }
            roles.add(Role.valueOf(role));
        }
        return roles;
    }

    /** The roles that must use a second factor. */
    public Set<Role> requiredRoles() {
        return Set.copyOf(requiredRoles);
    }

    /** Whether the person's roles require a second factor. */
    public boolean required(MeridianUser user) {
        return user.roles().stream().anyMatch(requiredRoles::contains);
    }

    /** Whether the person has a confirmed authenticator. */
    public boolean enrolled(MeridianUser user) {
        return factors.find(user.homeHospitalId(), user.userId()).filter(SecondFactors.Row::confirmed).isPresent();
    }

    /** Whether signing in as this person takes a second step: required by the role or enrolled of their own accord. */
    public boolean appliesTo(MeridianUser user) {
        return required(user) || enrolled(user);
    }

    public Status status(MeridianUser user) {
        Optional<SecondFactors.Row> row = factors.find(user.homeHospitalId(), user.userId())
                .filter(SecondFactors.Row::confirmed);
        return new Status(required(user), row.isPresent(), row.map(SecondFactors.Row::confirmedAt).orElse(null),
                row.isPresent() ? factors.unusedRecoveryCodes(user.homeHospitalId(), user.userId()) : 0);
    }

    /**
     * The enrolment under way: its secret as shown, made now when none is waiting for its first code; empty when the
     * person already has a confirmed authenticator.
     */
    @Transactional
    public Optional<Setup> setup(MeridianUser user) {
        Optional<SecondFactors.Row> row = factors.find(user.homeHospitalId(), user.userId());
        if (row.isPresent() && row.get().confirmed()) {
            return Optional.empty();
        }
        if (row.isPresent()) {
            return Optional.of(setupOf(user, open(row.get())));
        }
        return Optional.of(restart(user));
    }

    /** A fresh secret for the enrolment under way (the one shown before no longer counts). */
    @Transactional
    public Setup restart(MeridianUser user) {
        byte[] secret = new byte[OneTimePassword.SECRET_BYTES];
        random.nextBytes(secret);
        if (!factors.begin(user.homeHospitalId(), user.userId(), cipher.seal(context(user), secret), clock.instant())) {
            throw AccountRejected.of("code", "secondFactor.error.alreadyEnrolled");
        }
        return setupOf(user, secret);
    }

    /**
     * Confirms the enrolment under way with a first code from the app and returns the ten recovery codes, to be shown
     * this once.
     *
     * @throws AccountRejected on the field {@code code} when the code is not right (nothing changes) or nothing waits
     */
    @Transactional
    public List<String> confirm(MeridianUser user, String code) {
        long hospitalId = user.homeHospitalId();
        SecondFactors.Row row = factors.find(hospitalId, user.userId()).filter(r -> !r.confirmed())
                .orElseThrow(() -> rejected("secondFactor.error.nothingToConfirm"));
        Instant now = clock.instant();
        OptionalLong step = OneTimePassword.verify(open(row), normalised(code), now, -1);
        if (step.isEmpty()) {
            throw rejected("secondFactor.error.wrongCode");
        }
        factors.confirm(hospitalId, user.userId(), step.getAsLong(), now);
        List<String> codes = newRecoveryCodes(user);
        audit.record(hospitalId, user.getUsername(), "SECOND_FACTOR_ENROLLED", user.getUsername(),
                Map.of("recoveryCodes", codes.size()));
        return codes;
    }

    /**
     * Checks the code typed at the second step of signing in: a code of the authenticator (once only) or an unused
     * recovery code. {@code address} is the client's, for the audit and the failures.
     */
    @Transactional(noRollbackFor = AccountRejected.class)
    public Outcome verify(MeridianUser user, String code, String address) {
        long hospitalId = user.homeHospitalId();
        Instant now = clock.instant();
        if (throttled(hospitalId, user.userId(), now)) {
            audit.record(hospitalId, user.getUsername(), "SECOND_FACTOR_FAILED", user.getUsername(),
                    Map.of("reason", "throttled"));
            return Outcome.THROTTLED;
        }
        SecondFactors.Row row = factors.find(hospitalId, user.userId()).filter(SecondFactors.Row::confirmed)
                .orElse(null);
        if (row == null) {
            return Outcome.WRONG;
        }
        String typed = normalised(code);
        byte[] secret = open(row);
        OptionalLong step = OneTimePassword.verify(secret, typed, now, row.lastStep());
        if (step.isPresent() && factors.useStep(hospitalId, user.userId(), step.getAsLong())) {
            factors.clearFailures(hospitalId, user.userId());
            return Outcome.PASSED;
        }
        if (typed.length() == RECOVERY_LENGTH
                && factors.useRecoveryCode(hospitalId, user.userId(), hash(typed), now)) {
            factors.clearFailures(hospitalId, user.userId());
            audit.record(hospitalId, user.getUsername(), "SECOND_FACTOR_RECOVERY_USED", user.getUsername(),
                    Map.of("recoveryCodesLeft", factors.unusedRecoveryCodes(hospitalId, user.userId())));
            return Outcome.RECOVERY_USED;
        }
        factors.recordFailure(hospitalId, user.userId(), address, now);
        boolean replayed = OneTimePassword.verify(secret, typed, now, Long.MIN_VALUE).isPresent();
        boolean nowThrottled = throttled(hospitalId, user.userId(), now);
        audit.record(hospitalId, user.getUsername(), "SECOND_FACTOR_FAILED", user.getUsername(),
                nowThrottled ? Map.of("reason", replayed ? "code already used" : "wrong code", "locked", true)
                        : Map.of("reason", replayed ? "code already used" : "wrong code"));
        return Outcome.WRONG;
    }

    /**
     * Removes the person's own authenticator after checking a current code (or recovery code).
     *
     * @throws AccountRejected on the field {@code code}: the role requires a second factor, or the code is not right
     */
    @Transactional(noRollbackFor = AccountRejected.class)
    public void disable(MeridianUser user, String code, String address) {
        if (required(user)) {
            throw rejected("secondFactor.error.required");
        }
        Outcome outcome = verify(user, code, address);
        if (outcome == Outcome.THROTTLED) {
            throw rejected("secondFactor.error.throttled");
        }
        if (outcome == Outcome.WRONG) {
            throw rejected("secondFactor.error.wrongCode");
        }
        factors.delete(user.homeHospitalId(), user.userId());
        audit.record(user.homeHospitalId(), user.getUsername(), "SECOND_FACTOR_DISABLED", user.getUsername(),
                Map.of());
    }

    /**
     * An administrator removes a person's authenticator (lost phone and recovery codes): the person signs in with the
     * password alone next time, and enrols again before anything else when the role requires it. Four eyes are not
     * needed; the audit log keeps who did it.
     *
     * @return whether there was an authenticator (confirmed or under way) to remove
     * @throws AccountNotFound when the account is not of the administrator's hospital
     */
    @Transactional
    public boolean reset(MeridianUser admin, long userId) {
        Accounts.Account account = accounts.find(admin.hospitalId(), userId, clock.instant())
                .orElseThrow(() -> new AccountNotFound(userId));
        boolean had = factors.delete(admin.hospitalId(), userId);
        factors.clearFailures(admin.hospitalId(), userId);
        if (had) {
            audit.record(admin.hospitalId(), admin.getUsername(), "SECOND_FACTOR_RESET", account.username(), Map.of());
        }
        return had;
    }

    /** Whether a confirmed authenticator of this account exists (for the administrator's page). */
    public boolean enrolled(long hospitalId, long userId) {
        return factors.find(hospitalId, userId).filter(SecondFactors.Row::confirmed).isPresent();
    }

    private boolean throttled(long hospitalId, long userId, Instant now) {
        return SignInThrottle.lockedUntil(factors.failuresSince(hospitalId, userId, now.minus(SignInThrottle.MEMORY)),
                SignInThrottle.PAIR_FAILURES).filter(now::isBefore).isPresent();
    }

    private List<String> newRecoveryCodes(MeridianUser user) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        while (codes.size() < RECOVERY_CODES) {
            byte[] bits = new byte[RECOVERY_LENGTH * 5 / 8];
            random.nextBytes(bits);
            String code = Base32.encodeUnpadded(bits);
            if (!hashes.contains(hash(code))) {
                hashes.add(hash(code));
                codes.add(code.substring(0, 5).toLowerCase(Locale.ROOT) + "-"
                        + code.substring(5).toLowerCase(Locale.ROOT));
            }
        }
        factors.replaceRecoveryCodes(user.homeHospitalId(), user.userId(), hashes);
        return codes;
    }

    /** A typed code without spaces and hyphens, in capitals (recovery codes are shown in small letters). */
    static String normalised(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static String hash(String normalisedCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalisedCode.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private Setup setupOf(MeridianUser user, byte[] secret) {
        String base32 = Base32.encodeUnpadded(secret);
        String label = URLEncoder.encode(ISSUER + ":" + user.getUsername(), StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + OneTimePassword.DIGITS + "&period=" + OneTimePassword.STEP_SECONDS;
        return new Setup(Base32.grouped(base32), uri);
    }

    private byte[] open(SecondFactors.Row row) {
        return cipher.open(context(row.hospitalId(), row.userId()), row.sealedSecret());
    }

    private static String context(MeridianUser user) {
        return context(user.homeHospitalId(), user.userId());
    }

    private static String context(long hospitalId, long userId) {
        return "meridian-second-factor:" + hospitalId + ":" + userId;
    }

    private static AccountRejected rejected(String key) {
        return AccountRejected.of("code", key);
    }
}
