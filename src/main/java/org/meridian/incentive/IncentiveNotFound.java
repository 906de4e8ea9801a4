package org.meridian.incentive;

import org.meridian.shared.problem.NotFoundException;

/**
 * A rule, statement, sanction or evaluation that does not exist in the caller's hospital, or that the caller may
 * not see (a channel user and another channel's or a draft statement): 404, type
 * {@code urn:meridian:incentive:<what>-not-found}, the detail from {@code incentive.problem.notFound.<what>}.
 */
public final class IncentiveNotFound extends NotFoundException {

    /** @param what {@code rule}, {@code statement}, {@code sanction} or {@code evaluation} */
    public IncentiveNotFound(String what, long id) {
        super("incentive", what, id, "incentive.problem.notFound." + what);
    }
}
