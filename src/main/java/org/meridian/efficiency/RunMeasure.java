package org.meridian.efficiency;

import org.meridian.indicator.StatisticMeasure;

/**
 * A measure as a run copied it from the catalogue (投入/产出指标): its code, names, the unit it is counted in and how
 * its months make the period's value, so the run reads the same after the catalogue changes.
 */
public record RunMeasure(String code, String nameZh, String nameEn, String unit, String aggregation) {

    static RunMeasure of(StatisticMeasure m) {
        return new RunMeasure(m.code(), m.nameZh(), m.nameEn(), m.unit(), m.aggregation().name());
    }

    /** The name in the reader's language (English when asked and given, else Chinese). */
    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
    }
}
