package org.meridian.shared.tenant;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.PasswordPolicy;
import org.meridian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the very first start (no hospital yet): creates the hospital ({@code MERIDIAN_HOSPITAL_NAME},
 * time zone Asia/Shanghai; with {@code --demo} the demo hospital 经络示范医院) and the {@code admin} account with the password from
 * {@code MERIDIAN_ADMIN_PASSWORD}, or a random one printed once to the log. The {@code admin} account is also the
 * region's administrator ({@link Role#REGION_ADMIN}), who creates the region's further hospitals.
 */
@Component
@Order(0)
public class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String DEFAULT_HOSPITAL_NAME = "示例医院";
    static final String DEMO_HOSPITAL_NAME = "经络示范医院";
    /** The documented password of every demo account (README), used only with {@code --demo}. */
    public static final String DEMO_PASSWORD = "meridian2026";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Hospitals hospitals;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final String hospitalName;
    private final String adminPassword;
    private final boolean demo;

    FirstStart(Hospitals hospitals, Accounts accounts, PasswordEncoder encoder, AuditLog audit,
               @Value("${meridian.hospital-name:}") String hospitalName,
               @Value("${meridian.admin-password:}") String adminPassword,
               @Value("${meridian.demo:false}") boolean demo) {
        this.hospitals = hospitals;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.hospitalName = hospitalName;
        this.adminPassword = adminPassword;
        this.demo = demo;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!hospitals.all().isEmpty()) {
            return;
        }
        String name = !hospitalName.isBlank() ? hospitalName : demo ? DEMO_HOSPITAL_NAME : DEFAULT_HOSPITAL_NAME;
        Hospital hospital = hospitals.create("H001", name, ZoneId.of("Asia/Shanghai"));
        String password = adminPassword.isBlank() && demo ? DEMO_PASSWORD : adminPassword;
        boolean generated = password.isBlank();
        if (generated) {
            password = randomPassword();
        } else {
            List<String> problems = PasswordPolicy.problems("admin", password);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("MERIDIAN_ADMIN_PASSWORD breaks the password policy " + problems
                        + ": at least " + PasswordPolicy.MIN_LENGTH + " characters with a letter and a digit");
            }
        }
        accounts.insert(hospital.id(), "admin", "系统管理员", encoder.encode(password), null,
                EnumSet.of(Role.ADMIN, Role.REGION_ADMIN));
        audit.record(hospital.id(), "system", "HOSPITAL_CREATED", hospital.code(), Map.of("name", hospital.name()));
        audit.record(hospital.id(), "system", "USER_CREATED", "admin",
                Map.of("roles", List.of("ADMIN", "REGION_ADMIN")));
        if (generated) {
            log.warn("""

                    ================================================================
                     Meridian created the administrator account.
                       username: admin
                       password: {}
                     This password is shown only once. Sign in and change it.
                    ================================================================""", password);
        }
    }

    /** A random password of 16 letters and digits that follows the password policy, for showing once. */
    public static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 16 || PasswordPolicy.problems("admin", sb.toString()).size() > 0) {
            if (sb.length() >= 16) {
                sb.setLength(0);
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
