package org.meridian.incentive;

/**
 * A rule, statement, sanction or evaluation that does not exist in the caller's hospital, or that the caller may
 * not see (a channel user and another channel's or a draft statement): answered with 404.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public final class IncentiveNotFound extends RuntimeException {

    private final String what;
    private final long id;

    public IncentiveNotFound(String what, long id) {
        super(what + " " + id + " does not exist in this hospital");
        this.what = what;
        this.id = id;
    }

    /** What was looked for: {@code rule}, {@code statement}, {@code sanction} or {@code evaluation}. */
    public String what() {
        return what;
    }

    public long id() {
        return id;
    }
}
