package org.meridian.allocation;

import org.meridian.shared.problem.NotFoundException;

/** No allocation plan of this id in the caller's hospital (404, {@code urn:meridian:allocation:plan-not-found}). */
public class AllocationPlanNotFoundException extends NotFoundException {

    public AllocationPlanNotFoundException(long id) {
        super("allocation", "plan", id, "allocation.problem.planNotFound");
    }
}
