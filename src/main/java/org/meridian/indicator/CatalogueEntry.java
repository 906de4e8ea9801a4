package org.meridian.indicator;

import org.meridian.indicator.scoring.IndicatorDefinition;

/**
 * An indicator of a hospital's catalogue (指标库): a built-in one of engine.md §3 or one the hospital added.
 */
public record CatalogueEntry(IndicatorDefinition definition, boolean builtIn) {

    public String code() {
        return definition.code();
    }
}
