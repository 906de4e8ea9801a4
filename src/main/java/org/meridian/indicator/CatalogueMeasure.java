package org.meridian.indicator;

/**
 * One entry of a hospital's measure catalogue (度量目录), what formulas may name: a built-in event measure
 * ({@code source} EVENT, summed from events), the built-in {@code days} (DAYS, the period's length) or one of the
 * hospital's statistic measures (STATISTIC, with its names, unit and aggregation).
 */
public record CatalogueMeasure(String code, Source source, String nameZh, String nameEn, String unit,
                               Aggregation aggregation) {

    public enum Source { EVENT, DAYS, STATISTIC }

    public boolean builtIn() {
        return source != Source.STATISTIC;
    }
}
