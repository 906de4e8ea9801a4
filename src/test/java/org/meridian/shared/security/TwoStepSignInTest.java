package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.Problem;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enrolment and the code check of two-step sign-in, on the real database. The codes are what an authenticator app
 * computes from the secret shown (its Base32 text decoded), with {@link OneTimePassword}, whose values are checked
 * against the RFCs in {@link OneTimePasswordTest}. The test clock stays within one 30-second step for a test, so the
 * step after the current one (accepted: one step of tolerance) is where a second fresh code comes from.
 */
@MeridianTest
class TwoStepSignInTest {

    @Autowired TwoStepSignIn twoStep;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    private MeridianUser user(Role role) {
        return accounts.loadForSignIn(users.create(role), clock.instant()).orElseThrow();
    }

    private static byte[] secretOf(TwoStepSignIn.Setup setup) {
        return Base32.decode(setup.groupedSecret());
    }

    private String code(byte[] secret, long step) {
        return OneTimePassword.hotpText(secret, step, 6, OneTimePassword.Algorithm.SHA1);
    }

    private long now() {
        return OneTimePassword.step(clock.instant());
    }

    /** A new account of the role with a confirmed authenticator: its secret, the step of the first code, the codes. */
    private record Enrolled(MeridianUser user, byte[] secret, long step, List<String> recovery) {
    }

    private Enrolled enrolled(Role role) {
        MeridianUser user = user(role);
        byte[] secret = secretOf(twoStep.setup(user).orElseThrow());
        long step = now();
        List<String> recovery = twoStep.confirm(user, code(secret, step));
        return new Enrolled(user, secret, step, recovery);
    }

    private List<AuditLog.Entry> audited(MeridianUser user, String action) {
        return audit.recent(user.hospitalId(), action, 500).stream()
                .filter(e -> e.target().equals(user.getUsername())).toList();
    }

    @Test
    void enrolmentShowsASecretAndUriThenAFirstCodeConfirmsItAndGivesTenRecoveryCodes() {
        MeridianUser manager = user(Role.HOSPITAL_MANAGER);
        TwoStepSignIn.Setup setup = twoStep.setup(manager).orElseThrow();
        byte[] secret = secretOf(setup);
        assertThat(secret).hasSize(20); // 160 bits
        assertThat(setup.groupedSecret()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(setup.uri()).isEqualTo("otpauth://totp/Meridian%3A" + manager.getUsername() + "?secret="
                + setup.groupedSecret().replace(" ", "") + "&issuer=Meridian&algorithm=SHA1&digits=6&period=30");
        // the page shown again before confirming keeps the same secret (the app has already scanned it)
        assertThat(twoStep.setup(manager).orElseThrow()).isEqualTo(setup);
        assertThat(twoStep.enrolled(manager)).isFalse();

        List<String> recovery = twoStep.confirm(manager, code(secret, now()));

        assertThat(recovery).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(twoStep.enrolled(manager)).isTrue();
        assertThat(twoStep.status(manager).recoveryCodesLeft()).isEqualTo(10);
        assertThat(twoStep.setup(manager)).isEmpty();
        assertThat(audited(manager, "SECOND_FACTOR_ENROLLED")).hasSize(1);
    }

    @Test
    void aWrongFirstCodeConfirmsNothing() {
        MeridianUser analyst = user(Role.ANALYST);
        byte[] secret = secretOf(twoStep.setup(analyst).orElseThrow());
        String right = code(secret, now());
        String wrong = right.equals("000000") ? "000001" : "000000";
        assertThatThrownBy(() -> twoStep.confirm(analyst, wrong)).isInstanceOf(AccountRejected.class)
                .satisfies(e -> assertThat(((AccountRejected) e).problems()).containsExactly(
                        Problem.of("code", "secondFactor.error.wrongCode")));
        assertThat(twoStep.enrolled(analyst)).isFalse();
        assertThat(twoStep.confirm(analyst, right)).hasSize(10);
    }

    @Test
    void theSecretIsStoredEncryptedAndBoundToItsAccount() {
        MeridianUser analyst = user(Role.ANALYST);
        byte[] secret = secretOf(twoStep.setup(analyst).orElseThrow());
        byte[] stored = jdbc.sql("SELECT secret FROM second_factor WHERE hospital_id = :h AND user_id = :u")
                .param("h", analyst.hospitalId()).param("u", analyst.userId()).query(byte[].class).single();
        // 12-byte nonce + 20 bytes of ciphertext + 16-byte tag, and no run of the secret in it
        assertThat(stored).hasSize(12 + 20 + 16);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1));

        // copied onto another account's row, it does not open (the hospital and account are bound in)
        MeridianUser other = user(Role.ANALYST);
        twoStep.setup(other);
        jdbc.sql("UPDATE second_factor SET secret = :s WHERE hospital_id = :h AND user_id = :u")
                .param("s", stored).param("h", other.hospitalId()).param("u", other.userId()).update();
        assertThatThrownBy(() -> twoStep.setup(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void signInTakesARightCodeOnceAndNeverTheCodeUsedBefore() {
        Enrolled enrolled = enrolled(Role.ADMIN);
        MeridianUser admin = enrolled.user();
        byte[] secret = enrolled.secret();
        long step = enrolled.step();

        // the code that confirmed the enrolment cannot be used again
        assertThat(twoStep.verify(admin, code(secret, step), "10.1.1.1")).isEqualTo(TwoStepSignIn.Outcome.WRONG);
        // the next step's code (the phone 30 s ahead, or simply the next code) works once
        assertThat(twoStep.verify(admin, code(secret, step + 1), "10.1.1.1")).isEqualTo(TwoStepSignIn.Outcome.PASSED);
        assertThat(twoStep.verify(admin, code(secret, step + 1), "10.1.1.1")).isEqualTo(TwoStepSignIn.Outcome.WRONG);
        // two steps ahead is too far
        assertThat(twoStep.verify(admin, code(secret, step + 2), "10.1.1.1")).isEqualTo(TwoStepSignIn.Outcome.WRONG);

        assertThat(audited(admin, "SECOND_FACTOR_FAILED")).extracting(AuditLog.Entry::details)
                .containsExactlyInAnyOrder("{\"reason\": \"code already used\"}", "{\"reason\": \"code already used\"}",
                        "{\"reason\": \"wrong code\"}");
    }

    @Test
    void aRecoveryCodeWorksOnceWhateverItsCaseAndHyphen() {
        Enrolled enrolled = enrolled(Role.HOSPITAL_MANAGER);
        MeridianUser manager = enrolled.user();
        List<String> recovery = enrolled.recovery();
        String first = recovery.get(0);

        assertThat(twoStep.verify(manager, " " + first.toUpperCase().replace("-", "") + " ", "10.1.1.2"))
                .isEqualTo(TwoStepSignIn.Outcome.RECOVERY_USED);
        assertThat(twoStep.verify(manager, first, "10.1.1.2")).isEqualTo(TwoStepSignIn.Outcome.WRONG);
        assertThat(twoStep.verify(manager, recovery.get(1), "10.1.1.2"))
                .isEqualTo(TwoStepSignIn.Outcome.RECOVERY_USED);
        assertThat(twoStep.status(manager).recoveryCodesLeft()).isEqualTo(8);
        assertThat(audited(manager, "SECOND_FACTOR_RECOVERY_USED")).extracting(AuditLog.Entry::details)
                .containsExactlyInAnyOrder("{\"recoveryCodesLeft\": 9}", "{\"recoveryCodesLeft\": 8}");
        // only hashes are stored
        assertThat(jdbc.sql("SELECT code_hash FROM second_factor_recovery WHERE hospital_id = :h AND user_id = :u")
                .param("h", manager.hospitalId()).param("u", manager.userId()).query(String.class).list())
                .hasSize(10).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"))
                .noneMatch(h -> recovery.stream().anyMatch(c -> h.contains(c.replace("-", ""))));
    }

    /** Like passwords: five wrong codes refuse further codes for 15 minutes, even the right one. */
    @Test
    void fiveWrongCodesRefuseEvenTheRightOneForAWhile() {
        Enrolled enrolled = enrolled(Role.ADMIN);
        MeridianUser admin = enrolled.user();
        String right = code(enrolled.secret(), enrolled.step() + 1);
        String wrong = right.equals("111111") ? "222222" : "111111";
        for (int i = 0; i < 5; i++) {
            assertThat(twoStep.verify(admin, wrong, "10.1.1.3")).isEqualTo(TwoStepSignIn.Outcome.WRONG);
        }
        assertThat(twoStep.verify(admin, right, "10.1.1.3")).isEqualTo(TwoStepSignIn.Outcome.THROTTLED);
        assertThat(audited(admin, "SECOND_FACTOR_FAILED")).extracting(AuditLog.Entry::details)
                .contains("{\"locked\": true, \"reason\": \"wrong code\"}", "{\"reason\": \"throttled\"}");
    }

    @Test
    void aPersonWhoseRoleDoesNotRequireItMayTurnItOffWithACode() {
        Enrolled enrolled = enrolled(Role.ANALYST);
        MeridianUser analyst = enrolled.user();
        assertThatThrownBy(() -> twoStep.disable(analyst, "123", "10.1.1.4")).isInstanceOf(AccountRejected.class);
        assertThat(twoStep.enrolled(analyst)).isTrue();
        twoStep.disable(analyst, code(enrolled.secret(), enrolled.step() + 1), "10.1.1.4");
        assertThat(twoStep.enrolled(analyst)).isFalse();
        assertThat(audited(analyst, "SECOND_FACTOR_DISABLED")).hasSize(1);
    }

    @Test
    void anAdministratorResetsAnotherPersonsSecondFactorInTheOwnHospitalOnly() {
        MeridianUser admin = user(Role.ADMIN);
        Enrolled enrolled = enrolled(Role.HOSPITAL_MANAGER);
        MeridianUser manager = enrolled.user();

        MeridianUser stranger = accounts.loadForSignIn(
                users.create(users.otherHospital().id(), Role.ADMIN, null), clock.instant()).orElseThrow();
        assertThatThrownBy(() -> twoStep.reset(stranger, manager.userId())).isInstanceOf(AccountNotFound.class);
        assertThat(twoStep.enrolled(manager)).isTrue();

        assertThat(twoStep.reset(admin, manager.userId())).isTrue();
        assertThat(twoStep.enrolled(manager)).isFalse();
        assertThat(audit.recent(admin.hospitalId(), "SECOND_FACTOR_RESET", 500))
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo(admin.getUsername());
                    assertThat(e.target()).isEqualTo(manager.getUsername());
                });
        // a fresh enrolment starts with a new secret
        assertThat(secretOf(twoStep.setup(manager).orElseThrow())).isNotEqualTo(enrolled.secret());
    }

    @Test
    void theSettingNamesTheRolesThatMustUseIt() {
        assertThat(TwoStepSignIn.requiredRoles("default", false)).isEqualTo(EnumSet.of(Role.ADMIN, Role.HOSPITAL_MANAGER));
        assertThat(TwoStepSignIn.requiredRoles("default", true)).isEmpty();
        assertThat(TwoStepSignIn.requiredRoles("none", false)).isEmpty();
        assertThat(TwoStepSignIn.requiredRoles(" ", false)).isEmpty();
        assertThat(TwoStepSignIn.requiredRoles("admin, CHANNEL_MANAGER", false))
                .isEqualTo(Set.of(Role.ADMIN, Role.CHANNEL_MANAGER));
        assertThatThrownBy(() -> TwoStepSignIn.requiredRoles("ADMIN,MANGER", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'MANGER'");
        // the test profile requires it of nobody (docs/security.md): the code step applies to who enrolled
        assertThat(twoStep.requiredRoles()).isEmpty();
    }
}
