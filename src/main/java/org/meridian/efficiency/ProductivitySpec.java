package org.meridian.efficiency;

import java.util.ArrayList;
import java.util.List;

import org.meridian.efficiency.method.Orientation;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * A Malmquist productivity comparison (全要素生产率): consecutive periods of one kind in time order, the unit type, the
 * inputs and outputs, and the orientation (input unless asked).
 */
public record ProductivitySpec(List<Period> periods, UnitType unitType, List<String> inputs, List<String> outputs,
        Orientation orientation) {

    public ProductivitySpec {
        periods = List.copyOf(periods);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Reads the request's text, listing every problem at once (400, module {@code efficiency}). */
    public static ProductivitySpec parse(List<String> periods, String unitType, List<String> inputs,
            List<String> outputs, String orientation) {
        List<Problem> problems = new ArrayList<>();
        List<Period> ps = new ArrayList<>();
        if (periods == null || periods.size() < 2) {
            problems.add(Problem.of("periods", "efficiency.method.tooFewPeriods", periods == null ? 0 : periods.size()));
        } else if (periods.size() > org.meridian.efficiency.method.Malmquist.MAX_PERIODS) {
            problems.add(Problem.of("periods", "efficiency.method.tooManyPeriods", periods.size(),
                    org.meridian.efficiency.method.Malmquist.MAX_PERIODS));
        } else {
            for (int i = 0; i < periods.size(); i++) {
                ps.add(RunSpec.period(periods.get(i), "periods[" + i + "]", problems));
            }
            for (int i = 1; i < ps.size(); i++) {
                Period a = ps.get(i - 1);
                Period b = ps.get(i);
                if (a != null && b != null && (a.kind() != b.kind() || !(b.compareTo(a) > 0))) {
                    problems.add(Problem.of("periods[" + i + "]", "efficiency.run.error.periodOrder", b, a));
                }
            }
        }
        UnitType t = RunSpec.unitType(unitType, problems);
        List<String> in = RunSpec.measures("inputs", inputs, problems);
        List<String> out = RunSpec.measures("outputs", outputs, problems);
        for (String code : out) {
            if (in.contains(code)) {
                problems.add(Problem.of("outputs", "efficiency.run.error.inputAndOutput", code));
            }
        }
        Orientation o = orientation == null || orientation.isBlank() ? Orientation.INPUT
                : RunSpec.choice("orientation", orientation, Orientation.class, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        return new ProductivitySpec(ps, t, in, out, o);
    }
}
