package org.meridian.referral;

import org.meridian.channel.Tier;
import org.meridian.channel.TierCatalogue;
import org.meridian.channel.TierStandard;
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
 * DECLINED with its reason. Each step records its event through intake as a real one would, today. The scheduled
 * one is on the green channel, and CH-001's green-channel slots of this month are then nearly used up: booked to the
 * quota, one over-quota booking waiting for a hospital manager, one appointment cancelled so that one slot is left
 * ({@link #greenChannel}; a tier without slots gets {@link #DEMO_QUOTA} a month first). Runs once: nothing when the hospital has referrals.
 */
@Component
@Order(75)
@ConditionalOnBooleanProperty("meridian.demo")
class ReferralDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferralDemoData.class);

    /** The green-channel slots a month the demo gives a tier that has none (观察级 D by default). */
    static final int DEMO_QUOTA = 3;

    private final ReferralDesk desk;
    private final UserDetailsService users;
    private final TierCatalogue tiers;

    ReferralDemoData(ReferralDesk desk, UserDetailsService users, TierCatalogue tiers) {
        this.desk = desk;
        this.users = users;
        this.tiers = tiers;
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
            if (desk.greenChannelQuota(p).fits()) {
                desk.bookGreenChannel(d, scheduled, new Appointment(inTwoDays, "眼科", "刘医生"), false);
            } else {
                desk.schedule(d, scheduled, new Appointment(inTwoDays, "眼科", "刘医生"));
            }
            desk.schedule(d, arrived, new Appointment(desk.today(d), "体检中心", "张医生"));
            desk.arrive(d, arrived);
            desk.accept(d, converted);
            desk.arrive(d, converted);
            desk.convert(d, converted, "患者已住院治疗，感谢转诊。");
            desk.decline(d, declined, "患者所需的专科本院暂未开设，建议转往区中心医院。");
            if (users.loadUserByUsername("manager") instanceof MeridianUser manager) {
                greenChannelTrial(p, manager.actor());
            }
            greenChannel(p, d);
            log.info("Demo referrals of CH-001: {} waits in the referral desk's queue", waiting);
        } catch (RuntimeException ex) {
            log.info("Demo referrals stopped: {}", ex.getMessage());
        }
    }

    /**
     * CH-001's green-channel slots this month nearly used up: green-channel appointments today (the patients came)
     * until the quota is reached, one more booking held for a hospital manager's approval (it waits in the
     * managers' to-do inbox), then one of those appointments cancelled, so that one slot is left.
     */
    private void greenChannel(Actor partner, Actor clerk) {
        var quota = desk.greenChannelQuota(partner);
        if (quota.quota() == 0) {
            return;
        }
        var today = desk.today(clerk);
        int n = 0;
        long last = -1;
        while (desk.greenChannelQuota(partner).fits() && n < quota.quota()) {
            if (last > 0) {
                desk.arrive(clerk, last); // the patients before the last one came today
            }
            n++;
            last = refer(partner, "demo-g-" + n, "绿色通道患者" + n, "139 0000 %04d".formatted(1300 + n), "心血管内科",
                    "URGENT");
            desk.bookGreenChannel(clerk, last, new Appointment(today, "心血管内科", "黄医生"), false);
        }
        long over = refer(partner, "demo-g-over", "绿色通道患者超额", "139 0000 1399", "心血管内科", "URGENT");
        desk.accept(clerk, over);
        desk.bookGreenChannel(clerk, over, new Appointment(today, "心血管内科", "黄医生"), true);
        if (last > 0) {
            desk.decline(clerk, last, "患者改约下月，释放本月绿色通道号源。");
        }
    }

    /**
     * When CH-001's tier promises no green-channel slots (观察级 D by default), the demo's hospital manager gives that
     * tier {@link #DEMO_QUOTA} a month (a standard change, audited like any other), so that the green channel can be
     * shown.
     */
    private void greenChannelTrial(Actor partner, Actor manager) {
        var quota = desk.greenChannelQuota(partner);
        if (quota.quota() > 0 || quota.tier() == null) {
            return;
        }
        Tier tier = tiers.get(manager, quota.tier());
        tiers.updateStandard(manager, tier.code(), new TierStandard(tier.name(), tier.reviewCadence(),
                tier.visitsPerYear(), tier.incentiveRate(), DEMO_QUOTA, tier.responseHours(), tier.arrivalRate(),
                tier.notes()));
    }

    private long refer(Actor partner, String key, String name, String phone, String department, String urgency) {
        NewReferral draft = NewReferral.parse(name, phone, department, urgency, null, true, null);
        return desk.submit(partner, key, draft).referral().id();
    }
}
