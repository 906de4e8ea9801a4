package org.meridian.region;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import org.meridian.shared.Rate;

/**
 * A repeat-rate alert (重复检查预警): in {@code month} the repeat rate of the subject — an institution (its reference,
 * {@code HOSPITAL} or {@code HOSPITAL/UNIT}), a catalogue item across the region (its code) or an alliance (its
 * code) — passed the region's threshold (per cent) in force when it was raised; with the records and repeats of that
 * moment. One per subject and month.
 */
public record RepeatAlert(long id, Kind kind, String subject, String subjectName, YearMonth month, long records,
                          long repeats, BigDecimal threshold, Instant raisedAt) {

    /** What the alert is about. */
    public enum Kind {
        /** 机构: an institution (a hospital or an institution unit of one) over all catalogue items. */
        INSTITUTION,
        /** 检查项目: a catalogue item over every institution of the region. */
        ITEM,
        /** 医联体: an alliance over all its members' records. */
        ALLIANCE
    }

    /** The repeat rate when it was raised: repeats of records. */
    public Rate rate() {
        return Rate.of(repeats, records);
    }
}
