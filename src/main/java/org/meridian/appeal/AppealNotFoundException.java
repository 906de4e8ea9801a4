package org.meridian.appeal;

import org.meridian.shared.problem.NotFoundException;

/**
 * No such appeal (or attachment) in the caller's hospital, or none the caller may see (404,
 * {@code urn:meridian:appeal:appeal-not-found} or {@code …:attachment-not-found}).
 */
public class AppealNotFoundException extends NotFoundException {

    /**
     * @param what {@code "appeal"} or {@code "attachment"}
     * @param id   the id asked for
     */
    public AppealNotFoundException(String what, long id) {
        super(AppealProcedure.MODULE, what, id, "appeal.problem.notFound." + what);
    }
}
