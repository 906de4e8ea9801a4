package org.meridian.efficiency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/** The run list's filters: period, unit type, status, each null for any. */
public record RunQuery(Period period, UnitType unitType, RunStatus status) {

    /** Reads the filters as sent (blank for any), every problem at once (400). */
    public static RunQuery parse(String period, String unitType, String status) {
        List<Problem> problems = new ArrayList<>();
        Period p = null;
        if (period != null && !period.isBlank()) {
            p = Period.parse(period.strip()).orElse(null);
            if (p == null) {
                problems.add(Problem.of("period", "efficiency.run.error.period", period.strip()));
            }
        }
        UnitType t = null;
        if (unitType != null && !unitType.isBlank()) {
            t = Arrays.stream(UnitType.values()).filter(x -> x.name().equals(unitType.strip())).findFirst()
                    .orElse(null);
            if (t == null) {
                problems.add(Problem.of("unitType", "efficiency.run.error.unitType", unitType.strip()));
            }
        }
        RunStatus s = null;
        if (status != null && !status.isBlank()) {
            s = Arrays.stream(RunStatus.values()).filter(x -> x.name().equals(status.strip())).findFirst()
                    .orElse(null);
            if (s == null) {
                problems.add(Problem.of("status", "efficiency.method.unknown", status.strip(), "DRAFT, PUBLISHED"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        return new RunQuery(p, t, s);
    }
}
