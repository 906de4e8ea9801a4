package org.meridian.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * A unit's fields as a person, a client or a file gave them, every value a string, before they are checked.
 * {@link #check(boolean)} lists every problem at once: code (letters, digits, - and _, at most 32), name (at most
 * 100), kind ({@code DEPARTMENT} or {@code INSTITUTION}; may be left out, the type says it), a type of that kind,
 * status (a new unit is ACTIVE), and the fields of the kind: parent, head and open beds (a whole number 0–100,000)
 * only for departments, level and district only for institutions. Whether the parent exists is the registry's.
 */
public record UnitDraft(String code, String name, String kind, String type, String status, String parent,
                        String head, String openBeds, String level, String district) {

    public static final int CODE_MAX = 32;
    public static final int NAME_MAX = 100;
    public static final int HEAD_MAX = 50;
    public static final int LEVEL_MAX = 32;
    public static final int DISTRICT_MAX = 100;
    public static final int BEDS_MAX = 100_000;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** The checked, typed fields of a unit. */
    public record Fields(String code, String name, UnitKind kind, UnitType type, UnitStatus status, String parent,
                         String head, Integer openBeds, String level, String district) {
    }

    public static UnitDraft of(Unit u) {
        return new UnitDraft(u.code(), u.name(), u.kind().name(), u.type().name(), u.status().name(), u.parent(),
                u.head(), u.openBeds() == null ? null : u.openBeds().toString(), u.level(), u.district());
    }

    /**
     * The typed fields, or {@link InvalidInputException} listing every problem; when {@code registering}, a missing
     * status means ACTIVE.
     */
    public Fields check(boolean registering) {
        List<Problem> problems = new ArrayList<>();
        String c = text("code", code, CODE_MAX, true, problems);
        if (c != null && !CODE.matcher(c).matches()) {
            problems.add(Problem.of("code", "unit.error.codeFormat"));
        }
        String n = text("name", name, NAME_MAX, true, problems);
        UnitKind k = choice("kind", kind, UnitKind.class, false, problems);
        if (k == UnitKind.CHANNEL) {
            problems.add(Problem.of("kind", "unit.error.unknownKind", kind.strip()));
            k = null;
        }
        UnitType t = choice("type", type, UnitType.class, true, problems);
        if (t != null && t.kind() == UnitKind.CHANNEL) {
            problems.add(Problem.of("type", "unit.error.channelType", type.strip()));
            t = null;
        } else if (t != null && k != null && t.kind() != k) {
            problems.add(Problem.of("type", "unit.error.typeOfOtherKind", type.strip(), k.name()));
            t = null;
        }
        if (k == null && t != null) {
            k = t.kind();
        } else if (k == null && trim(kind) == null && t == null) {
            problems.add(Problem.of("kind", "unit.error.required"));
        }
        UnitStatus s = choice("status", status, UnitStatus.class, false, problems);
        if (s == null && registering && trim(status) == null) {
            s = UnitStatus.ACTIVE;
        } else if (s == null && trim(status) == null) {
            problems.add(Problem.of("status", "unit.error.required"));
        }
        String p = text("parent", parent, CODE_MAX, false, problems);
        String h = text("head", head, HEAD_MAX, false, problems);
        Integer beds = beds(problems);
        String l = text("level", level, LEVEL_MAX, false, problems);
        String d = text("district", district, DISTRICT_MAX, false, problems);
        if (k == UnitKind.INSTITUTION) {
            onlyFor("parent", p, "DEPARTMENT", problems);
            onlyFor("head", h, "DEPARTMENT", problems);
            onlyFor("openBeds", beds, "DEPARTMENT", problems);
        } else if (k == UnitKind.DEPARTMENT) {
            onlyFor("level", l, "INSTITUTION", problems);
            onlyFor("district", d, "INSTITUTION", problems);
        }
        if (p != null && p.equals(c)) {
            problems.add(Problem.of("parent", "unit.error.ownParent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("unit", problems);
        }
        return new Fields(c, n, k, t, s, p, h, beds, l, d);
    }

    private Integer beds(List<Problem> problems) {
        String v = trim(openBeds);
        if (v == null) {
            return null;
        }
        try {
            int b = Integer.parseInt(v);
            if (b < 0 || b > BEDS_MAX) {
                problems.add(Problem.of("openBeds", "unit.error.beds", BEDS_MAX));
                return null;
            }
            return b;
        } catch (NumberFormatException e) {
            problems.add(Problem.of("openBeds", "unit.error.beds", BEDS_MAX));
            return null;
        }
    }

    private static void onlyFor(String field, Object value, String kind, List<Problem> problems) {
        if (value != null) {
            problems.add(Problem.of(field, "unit.error.onlyFor", kind));
        }
    }

    private static String text(String field, String value, int max, boolean required, List<Problem> problems) {
        String v = trim(value);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field, "unit.error.required"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(Problem.of(field, "unit.error.tooLong", max));
            return null;
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean required,
                                                List<Problem> problems) {
        String v = trim(value);
        if (v == null) {
            if (required) {
                problems.add(Problem.of(field, "unit.error.required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, "unit.error.unknown" + type.getSimpleName().substring(4), v));
            return null;
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
