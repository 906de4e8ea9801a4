package org.meridian.referral.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.meridian.referral.Referral;
import org.meridian.referral.ReferralStatus;
import org.springframework.context.MessageSource;

/** How far a referral has come, as the channel's list and the desk's page both show it. */
final class Progress {

    private Progress() {
    }

    /** The status a list's filter names, or null (every status) for none or a name that is no status. */
    static ReferralStatus filtered(String status) {
        return Arrays.stream(ReferralStatus.values()).filter(x -> x.name().equals(status)).findFirst().orElse(null);
    }

    /**
     * One step: its name's message key, when it happened (null: not yet), and a line about it (the appointment,
     * the desk's message, the reason of a refusal), or null.
     */
    record Step(String labelKey, Instant at, String detail) {
    }

    /** The steps taken, in order, and those still to come (without a time). */
    static List<Step> steps(Referral r, MessageSource messages, Locale locale) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("referral.progress.submitted", r.createdAt(), null));
        if (r.status() == ReferralStatus.DECLINED) {
            if (r.acceptedAt() != null) {
                steps.add(new Step("referral.progress.accepted", r.acceptedAt(), null));
            }
            if (r.scheduledAt() != null) {
                steps.add(new Step("referral.progress.scheduled", r.scheduledAt(), appointment(r, messages, locale)));
            }
            steps.add(new Step("referral.progress.declined", r.declinedAt(), r.declineReason()));
            return steps;
        }
        steps.add(new Step("referral.progress.accepted", r.acceptedAt(), null));
        if (r.scheduledAt() != null || r.arrivedAt() == null) { // a patient who came without an appointment skips it
            steps.add(new Step("referral.progress.scheduled", r.scheduledAt(), appointment(r, messages, locale)));
        }
        steps.add(new Step("referral.progress.arrived", r.arrivedAt(), null));
        steps.add(new Step("referral.progress.converted", r.convertedAt(), r.feedback()));
        return steps;
    }

    private static String appointment(Referral r, MessageSource messages, Locale locale) {
        return r.appointment() == null ? null : messages.getMessage(r.greenChannel()
                        ? "referral.progress.appointmentGreen" : "referral.progress.appointment",
                new Object[] {r.appointment().date().toString(), r.appointment().department(), r.appointment().doctor()},
                locale);
    }

    /**
     * The response-time clock as a reader says it: "已等待 3 小时 5 分" while the desk has not answered, "响应用时 …"
     * once it has, null for a referral declined before it was accepted.
     */
    static String clock(Referral r, Instant now, MessageSource messages, Locale locale) {
        Duration d = r.responseTime(now);
        if (d == null) {
            return null;
        }
        return messages.getMessage(r.waiting() ? "referral.clock.waiting" : "referral.clock.answered",
                new Object[] {duration(d, messages, locale)}, locale);
    }

    /** Minutes below an hour, hours and minutes below a day, else days and hours (rounded down). */
    static String duration(Duration d, MessageSource messages, Locale locale) {
        long minutes = Math.max(d.toMinutes(), 0);
        if (minutes < 60) {
            return messages.getMessage("referral.duration.minutes", new Object[] {minutes}, locale);
        }
        if (minutes < 24 * 60) {
            return messages.getMessage("referral.duration.hours", new Object[] {minutes / 60, minutes % 60}, locale);
        }
        return messages.getMessage("referral.duration.days", new Object[] {minutes / (24 * 60), minutes / 60 % 24},
                locale);
    }
}
