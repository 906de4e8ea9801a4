package org.meridian.allocation;

import java.util.List;

import org.meridian.shared.problem.NotFoundException;

/** The plan has no share for this unit (404, {@code urn:meridian:allocation:share-not-found}). */
public class PlanShareNotFoundException extends NotFoundException {

    public PlanShareNotFoundException(long planId, String unitCode) {
        super("allocation", "share", "allocation.problem.shareNotFound", List.of(unitCode, planId),
                "no share of unit " + unitCode + " in allocation plan " + planId);
    }
}
