package org.meridian.referral;

import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: referrals of the demo channel CH-001, made by its channel user {@code partner} through the portal's
 * own workflow and worked by the referral desk's {@code desk}, one in every state — an urgent one waiting in the
 * desk's queue (SUBMITTED), then ACCEPTED, SCHEDULED (in two days), ARRIVED, CONVERTED with a message back, and
 * DECLINED with its reason. Each step records its event through intake as a real one would, today. Runs once:
 * nothing when the hospital has referrals.
 */
@Component
@Order(75)
@ConditionalOnBooleanProperty("meridian.demo")
class ReferralDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferralDemoData.class);

    private final ReferralDesk desk;
    private final UserDetailsService users;

    ReferralDemoData(ReferralDesk desk, UserDetailsService users) {
        this.desk = desk;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(users.loadUserByUsername("partner") instanceof MeridianUser partner)
                || !(users.loadUserByUsername("desk") instanceof MeridianUser clerk)) {
            return;
        }
        Actor p = partner.actor();
        Actor d = clerk.actor();
        if (desk.counts(d).values().stream().mapToLong(Long::longValue).sum() > 0) {
            return;
        }
        try {
            long waiting = refer(p, "demo-1", "陈晓梅", "139 0000 1201", "心血管内科", "URGENT");
            long accepted = refer(p, "demo-2", "王建国", "139 0000 1202", "骨科", "ROUTINE");
            long scheduled = refer(p, "demo-3", "李秀英", "010-62345601", "眼科", "ROUTINE");
            long arrived = refer(p, "demo-4", "赵志强", "139 0000 1204", "体检中心", "ROUTINE");
            long converted = refer(p, "demo-5", "孙丽", "139 0000 1205", "消化内科", "URGENT");
            long declined = refer(p, "demo-6", "周明", "139 0000 1206", null, "ROUTINE");
            desk.accept(d, accepted);
            var inTwoDays = desk.today(d).plusDays(2);
            desk.schedule(d, scheduled, new Appointment(inTwoDays, "眼科", "刘医生"));
            desk.schedule(d, arrived, new Appointment(desk.today(d), "体检中心", "张医生"));
            desk.arrive(d, arrived);
            desk.accept(d, converted);
            desk.arrive(d, converted);
            desk.convert(d, converted, "患者已住院治疗，感谢转诊。");
            desk.decline(d, declined, "患者所需的专科本院暂未开设，建议转往区中心医院。");
            log.info("Demo referrals of CH-001: {} waits in the referral desk's queue", waiting);
        } catch (RuntimeException ex) {
            log.info("Demo referrals stopped: {}", ex.getMessage());
        }
    }

    private long refer(Actor partner, String key, String name, String phone, String department, String urgency) {
        NewReferral draft = NewReferral.parse(name, phone, department, urgency, null, true, null);
        return desk.submit(partner, key, draft).referral().id();
    }
}
