package org.meridian.referral;

import org.meridian.shared.problem.NotFoundException;

/** No over-quota green-channel booking with this id in the caller's hospital. */
public class GreenChannelRequestNotFoundException extends NotFoundException {

    public GreenChannelRequestNotFoundException(long id) {
        super("referral", "green-channel-request", id, "referral.problem.requestNotFound");
    }
}
