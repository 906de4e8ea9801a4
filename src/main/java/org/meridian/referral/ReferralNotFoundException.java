package org.meridian.referral;

import org.meridian.shared.problem.NotFoundException;

/** No such referral in the caller's hospital, or not the caller's to see (another channel's answers the same). */
public class ReferralNotFoundException extends NotFoundException {

    public ReferralNotFoundException(long id) {
        super("referral", "referral", id, "referral.problem.notFound");
    }
}
