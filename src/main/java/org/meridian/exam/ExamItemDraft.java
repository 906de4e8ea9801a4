package org.meridian.exam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * A catalogue item as a request or a CSV row gives it, as text; {@link #check()} reads it into an
 * {@link ExamItem} or reports every problem at once, each on its field.
 */
public record ExamItemDraft(String code, String name, String category, String validDays, String scope,
                            String price) {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,6}");

    public ExamItem check() {
        List<Problem> problems = new ArrayList<>();
        String c = strip(code);
        if (c == null) {
            problems.add(Problem.of("code", "exam.error.required"));
        } else if (!CODE.matcher(c).matches()) {
            problems.add(Problem.of("code", "exam.error.code", c));
        }
        String n = strip(name);
        if (n == null) {
            problems.add(Problem.of("name", "exam.error.required"));
        } else if (n.length() > 100) {
            problems.add(Problem.of("name", "exam.error.tooLong", 100));
        }
        ExamCategory cat = named(ExamCategory.class, "category", category, problems);
        RecognitionScope sc = named(RecognitionScope.class, "scope", scope, problems);
        Integer days = null;
        String d = strip(validDays);
        if (d == null) {
            problems.add(Problem.of("validDays", "exam.error.required"));
        } else if (!INTEGER.matcher(d).matches() || Integer.parseInt(d) < 1
                || Integer.parseInt(d) > ExamItem.MAX_VALID_DAYS) {
            problems.add(Problem.of("validDays", "exam.error.validDays", d, ExamItem.MAX_VALID_DAYS));
        } else {
            days = Integer.parseInt(d);
        }
        BigDecimal p = null;
        String pr = strip(price);
        if (pr == null) {
            problems.add(Problem.of("price", "exam.error.required"));
        } else if (!DECIMAL.matcher(pr).matches()) {
            problems.add(Problem.of("price", "exam.error.price", pr));
        } else {
            p = new BigDecimal(pr);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("exam", problems);
        }
        return new ExamItem(c, n, cat, days, sc, p, false);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String text, List<Problem> problems) {
        String t = strip(text);
        if (t == null) {
            problems.add(Problem.of(field, "exam.error.required"));
            return null;
        }
        try {
            return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E v : type.getEnumConstants()) {
                names.add(v.name());
            }
            problems.add(Problem.of(field, "exam.error.oneOf", t, String.join(", ", names)));
            return null;
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
