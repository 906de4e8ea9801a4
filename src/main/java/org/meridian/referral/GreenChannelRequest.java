package org.meridian.referral;

import java.time.Instant;

/**
 * A green-channel booking over the channel's monthly quota, held for a hospital manager's approval (超额绿色通道预约
 * 审批, four eyes: the one who asked never decides). Approved, the referral is scheduled on a green-channel slot;
 * refused, it stays as it was and the desk may book an ordinary appointment; withdrawn when the referral was declined
 * or the patient came before anyone decided.
 *
 * @param quota the channel's monthly quota, and {@code used} the slots it had used in the appointment's month, when
 *              the desk asked
 * @param note  the manager's note (required to refuse), null while pending
 */
public record GreenChannelRequest(long id, long referralId, long channelId, String channelName, Appointment appointment,
                                  int quota, int used, String requestedBy, Instant requestedAt, Status status,
                                  String decidedBy, Instant decidedAt, String note) {

    public enum Status {
        PENDING, APPROVED, REFUSED, WITHDRAWN
    }
}
