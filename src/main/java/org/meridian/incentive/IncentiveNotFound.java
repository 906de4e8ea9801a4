package org.meridian.incentive;

/** A rule or statement that does not exist in the caller's hospital (answered with 404). */
public final class IncentiveNotFound extends RuntimeException {

    public IncentiveNotFound(String what, long id) {
        super(what + " " + id + " does not exist in this hospital");
    }
}
