package org.meridian.efficiency;

import org.meridian.shared.problem.NotFoundException;

/** No efficiency run of this id in the caller's hospital (404, {@code urn:meridian:efficiency:run-not-found}). */
public class EfficiencyRunNotFoundException extends NotFoundException {

    public EfficiencyRunNotFoundException(long id) {
        super("efficiency", "run", id, "efficiency.problem.runNotFound");
    }
}
