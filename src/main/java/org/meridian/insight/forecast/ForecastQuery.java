package org.meridian.insight.forecast;

import java.util.ArrayList;
import java.util.List;

import org.meridian.insight.method.HoltWinters.Method;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;

/**
 * What the forecast page's channel list shows: one measure (referrals unless chosen), optionally the channels whose
 * code or name contains {@code text} and those forecast by one method; a page.
 */
public record ForecastQuery(ForecastMeasure measure, String text, Method method, int page, int size) {

    public ForecastQuery {
        Paged.check(page, size);
        measure = measure == null ? ForecastMeasure.REFERRALS : measure;
        text = text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * Reads the filters as a URL gives them (empty means all); an unknown measure or method is a problem of its field,
     * both reported at once (page and size are checked as every page's, by {@link Paged#check}).
     */
    public static ForecastQuery parse(String measure, String text, String method, int page, int size) {
        List<Problem> problems = new ArrayList<>();
        ForecastMeasure m = null;
        if (measure != null && !measure.isBlank()) {
            m = named(ForecastMeasure.class, measure.trim());
            if (m == null) {
                problems.add(Problem.of("measure", "insight.forecast.problem.measure", measure));
            }
        }
        Method me = null;
        if (method != null && !method.isBlank()) {
            me = named(Method.class, method.trim());
            if (me == null) {
                problems.add(Problem.of("method", "insight.forecast.problem.method", method));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("insight", problems);
        }
        return new ForecastQuery(m, text, me, page, size);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
