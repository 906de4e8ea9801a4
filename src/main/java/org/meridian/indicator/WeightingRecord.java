package org.meridian.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;

/**
 * Where the weights of one scheme version came from: the assistant's inputs and what the method gave, kept with the
 * version when it was saved (a version saved without the assistant has none: its weights were set by hand).
 */
public record WeightingRecord(int version, WeightingInputs inputs, WeightingResult result) {

    /** An indicator whose saved weight differs from the one the method gave (adjusted by hand before saving). */
    public record Adjusted(String code, BigDecimal proposed, BigDecimal saved) {
    }

    /** The method's weight (points) of an indicator, if it was weighed. */
    public BigDecimal proposed(String code) {
        int i = inputs.codes().indexOf(code);
        return i < 0 ? null : result.points().get(i);
    }

    /** The indicators whose weight in the saved scheme differs from the method's. */
    public List<Adjusted> adjusted(SchemeSnapshot scheme) {
        List<Adjusted> out = new ArrayList<>();
        for (SchemeItem item : scheme.items()) {
            BigDecimal p = proposed(item.code());
            if (p != null && p.compareTo(item.weight()) != 0) {
                out.add(new Adjusted(item.code(), p, item.weight()));
            }
        }
        return out;
    }
}
