package org.meridian.efficiency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.meridian.efficiency.method.DeaModel;
import org.meridian.efficiency.method.Orientation;
import org.meridian.shared.Period;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * What an efficiency run computes: the period, the department or institution type whose units are compared, the
 * inputs and outputs (statistic measure codes, each at most once, none both), the model and orientation, and whether
 * efficient units are ranked by super-efficiency. Whether the measures exist is the facade's to check.
 */
public record RunSpec(Period period, UnitType unitType, List<String> inputs, List<String> outputs, DeaModel model,
        Orientation orientation, boolean superEfficiency) {

    public RunSpec {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Reads the request's text, listing every problem at once (400, module {@code efficiency}). */
    public static RunSpec parse(String period, String unitType, List<String> inputs, List<String> outputs,
            String model, String orientation, Boolean superEfficiency) {
        List<Problem> problems = new ArrayList<>();
        Period p = period(period, "period", problems);
        UnitType t = unitType(unitType, problems);
        List<String> in = measures("inputs", inputs, problems);
        List<String> out = measures("outputs", outputs, problems);
        for (String code : out) {
            if (in.contains(code)) {
                problems.add(Problem.of("outputs", "efficiency.run.error.inputAndOutput", code));
            }
        }
        DeaModel m = choice("model", model, DeaModel.class, problems);
        Orientation o = choice("orientation", orientation, Orientation.class, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        return new RunSpec(p, t, in, out, m, o, Boolean.TRUE.equals(superEfficiency));
    }

    static Period period(String text, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.of(field, "efficiency.run.error.required"));
            return null;
        }
        return Period.parse(text.strip()).orElseGet(() -> {
            problems.add(Problem.of(field, "efficiency.run.error.period", text.strip()));
            return null;
        });
    }

    /** A department or institution type; channel types have no statistics. */
    static UnitType unitType(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.of("unitType", "efficiency.run.error.required"));
            return null;
        }
        for (UnitType t : UnitType.values()) {
            if (t.kind() != UnitKind.CHANNEL && t.name().equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        problems.add(Problem.of("unitType", "efficiency.run.error.unitType", text.strip()));
        return null;
    }

    static List<String> measures(String field, List<String> codes, List<Problem> problems) {
        if (codes == null || codes.stream().allMatch(c -> c == null || c.isBlank())) {
            problems.add(Problem.of(field, "efficiency.run.error.noMeasure"));
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String c : codes) {
            if (c == null || c.isBlank()) {
                continue;
            }
            if (!seen.add(c.strip())) {
                problems.add(Problem.of(field, "efficiency.run.error.twice", c.strip()));
            }
        }
        return List.copyOf(seen);
    }

    static <E extends Enum<E>> E choice(String field, String value, Class<E> type, List<Problem> problems) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(field, "efficiency.method.choose", String.join(", ", names)));
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        problems.add(Problem.of(field, "efficiency.method.unknown", value.strip(), String.join(", ", names)));
        return null;
    }
}
