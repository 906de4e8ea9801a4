package org.meridian.shared.demo;

import java.util.EnumSet;
import java.util.Map;

import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.FirstStart;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: one documented account per staff role in the demo hospital (README lists them).
 * The channel user ({@code partner}) is created by the channel module's demo data, because it is
 * bound to a channel. Runs after {@code FirstStart}; creates only accounts that do not exist yet.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("meridian.demo")
class DemoAccounts implements ApplicationRunner {

    record DemoAccount(String username, String displayName, Role role) {
    }

    static final DemoAccount[] ACCOUNTS = {
            new DemoAccount("manager", "王院长", Role.HOSPITAL_MANAGER),
            new DemoAccount("office", "李主任（渠道办）", Role.CHANNEL_MANAGER),
            new DemoAccount("analyst", "赵分析师", Role.ANALYST),
            new DemoAccount("regulator", "区卫健委 陈科长", Role.REGULATOR),
            new DemoAccount("desk", "周护士（转诊服务中心）", Role.REFERRAL_DESK),
            new DemoAccount("region", "区卫健委 刘主任（区域管理）", Role.REGION_ADMIN),
    };

    private final Hospitals hospitals;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    DemoAccounts(Hospitals hospitals, Accounts accounts, PasswordEncoder encoder, AuditLog audit) {
        this.hospitals = hospitals;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Hospital hospital = hospitals.all().get(0);
        for (DemoAccount a : ACCOUNTS) {
            if (!accounts.usernameTaken(a.username())) {
                accounts.insert(hospital.id(), a.username(), a.displayName(), encoder.encode(FirstStart.DEMO_PASSWORD),
                        null, EnumSet.of(a.role()));
                audit.record(hospital.id(), "demo", "USER_CREATED", a.username(), Map.of("roles", a.role().name()));
            }
        }
    }
}
