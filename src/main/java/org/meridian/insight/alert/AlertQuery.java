package org.meridian.insight.alert;

import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;

/** What the alert list shows: optionally one status, one channel (by code), one measure; a page. */
public record AlertQuery(AlertStatus status, String channel, AlertMeasure measure, int page, int size) {

    public AlertQuery {
        Paged.check(page, size);
        channel = channel == null || channel.isBlank() ? null : channel.trim();
    }

    /**
     * Reads the filters as a URL gives them (empty means all); an unknown status or measure is a problem of its field,
     * all of them reported at once.
     */
    public static AlertQuery parse(String status, String channel, String measure, int page, int size) {
        List<Problem> problems = new ArrayList<>();
        AlertStatus s = null;
        if (status != null && !status.isBlank()) {
            s = AlertStatus.named(status.trim());
            if (s == null) {
                problems.add(Problem.of("status", "insight.alert.problem.status", status));
            }
        }
        AlertMeasure m = null;
        if (measure != null && !measure.isBlank()) {
            m = AlertMeasure.named(measure.trim());
            if (m == null) {
                problems.add(Problem.of("measure", "insight.alert.problem.measure", measure));
            }
        }
        if (page < 0) {
            problems.add(Problem.of("page", "insight.alert.problem.page"));
        }
        if (size < 1 || size > Paged.MAX_SIZE) {
            problems.add(Problem.of("size", "insight.alert.problem.size", Paged.MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("insight", problems);
        }
        return new AlertQuery(s, channel, m, page, size);
    }
}
