package org.meridian.referral.web;

import java.time.YearMonth;
import java.util.List;

import org.meridian.referral.GreenChannelRequest;
import org.meridian.referral.ReferralDesk;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.stereotype.Component;

/**
 * The over-quota green-channel bookings in the workbench's to-do inbox (待办): every waiting one, for every hospital
 * manager except the one who asked (four eyes), opening the approvals page; gone once decided or withdrawn.
 */
@Component
class GreenChannelWork implements WorkItems {

    static final String KIND = "referral.greenChannel";

    private final ReferralDesk desk;

    GreenChannelWork(ReferralDesk desk) {
        this.desk = desk;
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        if (!actor.has(Role.HOSPITAL_MANAGER)) {
            return List.of();
        }
        return desk.greenChannelRequests(actor, GreenChannelRequest.Status.PENDING, 0, 100).items().stream()
                .filter(q -> FourEyes.allows(q.requestedBy(), actor))
                .map(q -> new WorkItem(KIND, "referral.work.greenChannel", "referral.work.greenChannelText",
                        List.of(String.valueOf(q.referralId()), q.channelName(),
                                YearMonth.from(q.appointment().date()).toString(), q.appointment().date().toString()),
                        "/referrals/green-channel", q.requestedAt()))
                .toList();
    }
}
