package org.meridian.channel;

import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.problem.Problem;

/**
 * Why a channel moves in its lifecycle or changes its tier (变更原因): required, trimmed, at most {@value #MAX}
 * characters. The facades check it together with the step itself, so that every problem is listed at once.
 */
public final class ChangeReason {

    /** Longest reason or decision note for a status or tier change. */
    public static final int MAX = 500;

    private ChangeReason() {
    }

    /** The trimmed reason, or null with its problem added under {@code field}. */
    static String check(String field, String reason, List<Problem> problems) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            problems.add(Problem.of(field, "channel.error.reasonRequired"));
            return null;
        }
        if (r.length() > MAX) {
            problems.add(Problem.of(field, "channel.error.tooLong", MAX));
            return null;
        }
        return r;
    }

    /** The problems of a reason given under {@code field}: none when it is fine. */
    public static List<Problem> problems(String field, String reason) {
        List<Problem> problems = new ArrayList<>();
        check(field, reason, problems);
        return problems;
    }
}
