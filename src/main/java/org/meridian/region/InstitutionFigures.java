package org.meridian.region;

import java.math.BigDecimal;
import java.util.List;

/**
 * One hospital of the region where the regulator's drill-down ends: its figures as on the workbench, its
 * repeat-examination figures per catalogue item in the period (items performed fewer times than the threshold are
 * left out, {@code hiddenItems} says how many), and its data completeness over the last twelve months.
 */
public record InstitutionFigures(HospitalFigures figures, List<Item> items, int hiddenItems,
                                 DataCompleteness.Row completeness) {

    /** One catalogue item at the hospital: records, repeats, rate (0 to 1) and avoidable cost in CNY. */
    public record Item(String code, String name, long records, long repeats, BigDecimal rate,
                       BigDecimal avoidableCost) {
    }
}
