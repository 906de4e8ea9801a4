package org.meridian.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A referral (转诊) and how far it has come. {@code patient} is what the channel typed about the patient, null once
 * the retention period has deleted it ({@code purgedAt}); the pseudonym stays, as in the events. {@code eventIds}
 * are the intake events its steps recorded, in order. {@code greenChannel}: the appointment is on one of the channel's
 * priority slots (绿色通道).
 */
public record Referral(long id, long channelId, String channelCode, String channelName, Urgency urgency,
                       String department, ReferralStatus status, PatientContact patient, String patientPseudonym,
                       Instant purgedAt, Instant createdAt, String createdBy, Instant acceptedAt, Instant scheduledAt,
                       Appointment appointment, boolean greenChannel, Instant arrivedAt, Instant convertedAt, Instant declinedAt,
                       String declineReason, String feedback, List<String> eventIds) {

    public Referral {
        eventIds = List.copyOf(eventIds);
    }

    /** The engine's referralId of its events. */
    public String referralId() {
        return referralId(id);
    }

    static String referralId(long id) {
        return "portal-" + id;
    }

    /**
     * The response time (响应时长): from submission to the desk's acceptance; while it waits, the time so far
     * ({@code now} − submitted); null for a referral declined before it was accepted.
     */
    public Duration responseTime(Instant now) {
        if (acceptedAt != null) {
            return Duration.between(createdAt, acceptedAt);
        }
        return status == ReferralStatus.SUBMITTED ? Duration.between(createdAt, now) : null;
    }

    /** Whether the response-time clock is still running (the desk has not answered yet). */
    public boolean waiting() {
        return ReferralStatus.WAITING.contains(status);
    }
}
