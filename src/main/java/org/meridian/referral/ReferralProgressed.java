package org.meridian.referral;

import java.time.Instant;

/**
 * A referral came one step further (转诊进度): the channel submitted it, or the desk accepted, scheduled, recorded the
 * arrival or the conversion, or declined it. Published by {@link ReferralDesk} in the step's transaction, so it is
 * told exactly when the step is stored. It carries what the people told of it may read — never the patient's name,
 * phone or note: the department wanted, the urgency, the appointment ({@code SCHEDULED}), and the desk's message
 * back to the channel ({@code CONVERTED}: the optional feedback; {@code DECLINED}: the reason).
 *
 * @param status the status the referral reached by this step
 * @param at     when the step was taken
 */
public record ReferralProgressed(long hospitalId, long referralId, long channelId, String channelName,
                                 ReferralStatus status, Urgency urgency, String department, Appointment appointment,
                                 String message, Instant at) {
}
