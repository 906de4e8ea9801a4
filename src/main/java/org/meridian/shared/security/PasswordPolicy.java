package org.meridian.shared.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Meridian's password policy (密码策略): at least 10 characters, at most 128, with at least one letter
 * and one digit, and not containing the username. Returns message keys so that forms and the API
 * can show every problem at once in the caller's language.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Every rule the password breaks, as message keys; empty when it is acceptable. */
    public static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("password.policy.tooShort");
        }
        if (password != null && password.length() > MAX_LENGTH) {
            problems.add("password.policy.tooLong");
        }
        if (password == null || password.chars().noneMatch(Character::isLetter)) {
            problems.add("password.policy.noLetter");
        }
        if (password == null || password.chars().noneMatch(Character::isDigit)) {
            problems.add("password.policy.noDigit");
        }
        if (password != null && username != null && !username.isBlank()
                && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add("password.policy.containsUsername");
        }
        return problems;
    }
}
