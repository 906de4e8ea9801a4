package org.meridian.notification;

import org.meridian.incentive.IncentiveRuleSignedOff;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The work a notification asked for was done, by one of the people asked or by another of the hospital: the
 * notifications that asked for it are settled — read for everyone they were addressed to — as the to-do item of
 * that work leaves every inbox. A rule signed off ({@link IncentiveRuleSignedOff}) settles its
 * {@link NotificationKind#COMPLIANCE_SIGN_OFF}. Delivered again, an event changes nothing.
 */
@Component
class NotificationsOnWorkDone {

    private final Inbox inbox;

    NotificationsOnWorkDone(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(IncentiveRuleSignedOff signedOff) {
        inbox.settle(signedOff.hospitalId(), NotificationKind.COMPLIANCE_SIGN_OFF, signedOff.ruleId(), signedOff.at());
    }
}
