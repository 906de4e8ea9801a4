package org.meridian.indicator;

import java.util.ArrayList;
import java.util.List;

import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.FormulaException;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.shared.problem.Problem;

/** A hospital's own indicator as submitted (API or form), not yet checked. */
public record NewIndicator(String code, String nameZh, String nameEn, String unitZh, String unitEn, String direction,
                           String formula, String descriptionZh, String descriptionEn, String dimension) {

    /** A submission without a dimension (the default, {@link Dimension#CHANNEL}). */
    public NewIndicator(String code, String nameZh, String nameEn, String unitZh, String unitEn, String direction,
                        String formula, String descriptionZh, String descriptionEn) {
        this(code, nameZh, nameEn, unitZh, unitEn, direction, formula, descriptionZh, descriptionEn, null);
    }

    /** Every problem of this submission over the built-in measures (the code's uniqueness is checked on saving). */
    public List<Problem> problems() {
        return problems(java.util.Set.of());
    }

    /**
     * Every problem of this submission when its formula may also name the given statistic measures (the hospital's
     * catalogue); the code's uniqueness is checked on saving.
     */
    public List<Problem> problems(java.util.Set<String> statistics) {
        List<Problem> p = new ArrayList<>();
        if (blank(code)) {
            p.add(Problem.of("code", "indicator.error.required"));
        } else if (!IndicatorDefinition.CODE.matcher(code.strip()).matches()) {
            p.add(Problem.of("code", "indicator.error.codeFormat"));
        }
        text(p, "nameZh", nameZh, 100, true);
        text(p, "nameEn", nameEn, 100, true);
        text(p, "unitZh", unitZh, 20, true);
        text(p, "unitEn", unitEn, 20, true);
        text(p, "descriptionZh", descriptionZh, 500, false);
        text(p, "descriptionEn", descriptionEn, 500, false);
        if (blank(direction)) {
            p.add(Problem.of("direction", "indicator.error.required"));
        } else if (parseDirection() == null) {
            p.add(Problem.of("direction", "indicator.error.unknownDirection", direction));
        }
        if (Dimension.parse(dimension) == null) {
            p.add(Problem.of("dimension", "indicator.error.unknownDimension", dimension));
        }
        Problem f = formulaProblem(formula, statistics);
        if (f != null) {
            p.add(f);
        }
        return p;
    }

    /** The problem of a formula text for the field {@code formula}, or null when it parses. */
    public static Problem formulaProblem(String formula) {
        return formulaProblem(formula, java.util.Set.of());
    }

    /** The problem of a formula text that may also name the given statistic measures, or null when it parses. */
    public static Problem formulaProblem(String formula, java.util.Set<String> statistics) {
        try {
            Formula.parse(formula, statistics);
            return null;
        } catch (FormulaException e) {
            return Problem.of("formula", "indicator.formula.error." + e.kind(), e.position(), e.token());
        }
    }

    IndicatorDefinition toDefinition(java.util.Set<String> statistics) {
        return new IndicatorDefinition(code.strip(), nameZh.strip(), nameEn.strip(), unitZh.strip(), unitEn.strip(),
                parseDirection(), Formula.parse(formula, statistics), strip(descriptionZh), strip(descriptionEn),
                Dimension.parse(dimension));
    }

    private Direction parseDirection() {
        try {
            return Direction.valueOf(direction.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void text(List<Problem> p, String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                p.add(Problem.of(field, "indicator.error.required"));
            }
        } else if (value.strip().length() > max) {
            p.add(Problem.of(field, "indicator.error.tooLong", max));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
