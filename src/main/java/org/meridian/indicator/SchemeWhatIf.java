package org.meridian.indicator;

import java.util.List;
import java.util.Optional;

import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * What-if (方案试算): re-scores a past period under a scheme that is being edited and not yet saved, next to the
 * scheme in force, so that the channel office sees who would move before it saves. The indicator module only
 * asks; the evaluation module, which knows the channels and the daily rollups, answers with the same engine as
 * its evaluations.
 */
public interface SchemeWhatIf {

    /** The periods one can re-score: the last completed months and quarters, newest first. */
    List<Period> periods(long hospitalId);

    /** The period to offer first: the last completed month in which the unit type's channels have data. */
    Optional<Period> preferred(long hospitalId, UnitType unitType);

    /**
     * Scores every evaluable channel of the draft's unit type in the period under the scheme in force (if any)
     * and under the draft, from the same measure totals.
     */
    WhatIfComparison compare(long hospitalId, SchemeSnapshot draft, Period period);
}
