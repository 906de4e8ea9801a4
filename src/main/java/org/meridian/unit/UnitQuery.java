package org.meridian.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;

/** A search of the unit registry: by kind, type, status and a text in code or name, one page of it. */
public record UnitQuery(UnitKind kind, UnitType type, UnitStatus status, String q, int page, int size) {

    public UnitQuery {
        q = q == null || q.isBlank() ? null : q.strip();
        Paged.check(page, size);
    }

    public static UnitQuery all(int page, int size) {
        return new UnitQuery(null, null, null, null, page, size);
    }

    /** Reads the parameters a client or a page sent; every unknown value is a 400 listing each. */
    public static UnitQuery parse(String kind, String type, String status, String q, int page, int size) {
        List<Problem> problems = new ArrayList<>();
        UnitKind k = value("kind", kind, UnitKind.class, problems);
        if (k == UnitKind.CHANNEL) {
            problems.add(Problem.of("kind", "unit.error.unknownKind", kind));
        }
        UnitType t = value("type", type, UnitType.class, problems);
        if (t != null && t.kind() == UnitKind.CHANNEL) {
            problems.add(Problem.of("type", "unit.error.channelType", type));
        }
        UnitStatus s = value("status", status, UnitStatus.class, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("unit", problems);
        }
        return new UnitQuery(k, t, s, q, page, size);
    }

    public boolean filtered() {
        return kind != null || type != null || status != null || q != null;
    }

    private static <E extends Enum<E>> E value(String field, String text, Class<E> type, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "unit.error.unknown" + type.getSimpleName().substring(4), text));
            return null;
        }
    }
}
