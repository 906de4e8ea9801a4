package org.meridian.support;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates accounts with unique usernames for tests sharing one database. Their password is stored as a bcrypt hash
 * of work factor 4 ({@code {bcrypt}$2a$04$…}), not Meridian's 10: Meridian's own encoder checks it as any other (the
 * factor is read from the hash), in about 1 ms instead of about 65 ms on the test machine — and the tests sign in
 * thousands of times (HTTP Basic checks the password on every request). Accounts that Meridian itself creates
 * (first start, the demo, the administration pages) keep factor 10.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "Test-password-42";
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Bcrypt at work factor 4, the least it allows; prefixed with {@code {bcrypt}} as Meridian's encoder stores it. */
    private static final BCryptPasswordEncoder CHEAP_BCRYPT = new BCryptPasswordEncoder(4);

    private final Accounts accounts;
    private final Hospitals hospitals;

    public TestUsers(Accounts accounts, Hospitals hospitals) {
        this.accounts = accounts;
        this.hospitals = hospitals;
    }

    /** The hospital created at first start. */
    public Hospital firstHospital() {
        return hospitals.all().get(0);
    }

    /** A second hospital, to prove that one hospital never sees another's data. */
    public Hospital otherHospital() {
        return hospitals.all().stream().filter(h -> h.code().equals("H-OTHER")).findFirst()
                .orElseGet(() -> hospitals.create("H-OTHER", "另一家医院", java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** A new user with the given role in the first hospital; returns its username (password {@link #PASSWORD}). */
    public String create(Role role) {
        return create(firstHospital().id(), role, null);
    }

    public String create(long hospitalId, Role role, Long channelId) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + SEQ.incrementAndGet();
        accounts.insert(hospitalId, username, "测试 " + username, "{bcrypt}" + CHEAP_BCRYPT.encode(PASSWORD), channelId,
                EnumSet.of(role));
        return username;
    }

    /** A new user of the hospital holding all these roles (as the first administrator holds ADMIN and REGION_ADMIN). */
    public String createWithRoles(long hospitalId, Role first, Role... more) {
        EnumSet<Role> roles = EnumSet.of(first, more);
        String username = first.name().toLowerCase().replace('_', '-') + "-" + SEQ.incrementAndGet();
        accounts.insert(hospitalId, username, "测试 " + username, "{bcrypt}" + CHEAP_BCRYPT.encode(PASSWORD), null,
                roles);
        return username;
    }
}
