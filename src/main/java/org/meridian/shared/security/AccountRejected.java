package org.meridian.shared.security;

import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * A change to an account (its profile, password, API token or second factor) that breaks one or more rules: bad input
 * of the module {@code account}, with every problem at once as shared {@link Problem}s, each on the form field it
 * belongs to, so a form shows each beside its field ({@code ProblemTexts}) and an API can list them all.
 */
public class AccountRejected extends InvalidInputException {

    public AccountRejected(List<Problem> problems) {
        super("account", problems);
    }

    /** One problem on one field, without arguments. */
    public static AccountRejected of(String field, String messageKey) {
        return new AccountRejected(List.of(Problem.of(field, messageKey)));
    }
}
