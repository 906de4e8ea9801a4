package org.meridian.shared.security;

import java.util.List;

/**
 * A change to an account that breaks one or more rules. Carries every problem at once, each as the
 * form field it belongs to and a message key, so a form can show each beside its field and an API can
 * list them all.
 */
public class AccountRejected extends RuntimeException {

    /** One broken rule: the field it concerns and the message key that explains it. */
    public record Problem(String field, String messageKey) {
    }

    private final List<Problem> problems;

    public AccountRejected(List<Problem> problems) {
        super("account change rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
