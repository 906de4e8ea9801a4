package org.meridian.rectification;

import org.meridian.shared.problem.NotFoundException;

/**
 * No such plan or action in the caller's hospital, or none the caller may see (404,
 * {@code urn:meridian:rectification:plan-not-found} or {@code …:action-not-found}).
 */
public class RectificationNotFoundException extends NotFoundException {

    /**
     * @param what {@code "plan"} or {@code "action"}
     * @param id   the id asked for
     */
    public RectificationNotFoundException(String what, long id) {
        super(RectificationWorkflow.MODULE, what, id, "rectification.problem.notFound." + what);
    }
}
