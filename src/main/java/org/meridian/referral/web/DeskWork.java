package org.meridian.referral.web;

import java.util.List;

import org.meridian.referral.Referral;
import org.meridian.referral.ReferralDesk;
import org.meridian.referral.ReferralStatus;
import org.meridian.referral.Urgency;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.stereotype.Component;

/**
 * The referrals waiting to be accepted in the referral desk's to-do inbox (待办): each submitted referral (the
 * longest-waiting first, as every to-do; urgent ones marked 加急), opening the desk's page of the referral where it is accepted, booked or declined; gone once accepted
 * (or booked, or declined). Only for the desk (REFERRAL_DESK), who does this work; the patient's name stays on the
 * desk's page.
 */
@Component
class DeskWork implements WorkItems {

    static final String KIND = "referral.submitted";

    private final ReferralDesk desk;

    DeskWork(ReferralDesk desk) {
        this.desk = desk;
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        if (!actor.has(Role.REFERRAL_DESK)) {
            return List.of();
        }
        return desk.search(actor, ReferralStatus.SUBMITTED, 0, 100).items().stream()
                .map(r -> {
                    // a referral need not name a department: then the text leaves it out
                    boolean urgent = r.urgency() == Urgency.URGENT;
                    String text = r.department() == null
                            ? (urgent ? "referral.work.submittedUrgentNoDepartmentText"
                                    : "referral.work.submittedNoDepartmentText")
                            : (urgent ? "referral.work.submittedUrgentText" : "referral.work.submittedText");
                    List<Object> args = r.department() == null
                            ? List.<Object>of(String.valueOf(r.id()), String.valueOf(r.channelName()))
                            : List.<Object>of(String.valueOf(r.id()), String.valueOf(r.channelName()), r.department());
                    return new WorkItem(KIND, "referral.work.submitted", text, args, "/referrals/desk/" + r.id(),
                            r.createdAt());
                })
                .toList();
    }
}
