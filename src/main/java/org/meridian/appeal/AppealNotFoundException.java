package org.meridian.appeal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No such appeal (or attachment) in the caller's hospital, or none the caller may see (404). {@link #messageKey()}
 * and {@link #id()} say which, for a text in the reader's language.
 */
public class AppealNotFoundException extends ErrorResponseException {

    private final String what;
    private final long id;

    /**
     * @param what {@code "appeal"} or {@code "attachment"}
     * @param id   the id asked for
     */
    public AppealNotFoundException(String what, long id) {
        super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Not Found",
                "No " + what + " " + id + " that you may see."), null);
        this.what = what;
        this.id = id;
    }

    /** {@code appeal.problem.notFound.appeal} or {@code appeal.problem.notFound.attachment}, with {@link #id()}. */
    public String messageKey() {
        return "appeal.problem.notFound." + what;
    }

    public long id() {
        return id;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
