package org.meridian.exam;

import java.math.BigDecimal;

/**
 * The repeat figures of one hospital of the region in a period, over all its institutions: of one catalogue item
 * ({@code item} its code, {@code itemName} its name), or of every item together (both null). The records, the repeats
 * and the avoidable cost (Σ the item's price over the repeats, CNY) are those of {@link RepeatFigures#figures}' rows
 * added up. Aggregates only, never a patient-level row. {@code patients} is how many distinct patients they cover
 * at least: the largest of its rows per institution × item × month (the patients of several rows may be the same
 * people, so no more is known without counting them).
 */
public record HospitalFigure(long hospitalId, String item, String itemName, long records, long repeats,
                             BigDecimal avoidableCost, long patients) {
}
