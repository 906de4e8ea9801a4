package org.meridian.exam;

import java.time.YearMonth;
import java.util.Set;

/**
 * The repeat figures of some months of a region changed (重复检查数据已更新): records of catalogue items arrived in
 * them, or the outcomes of their records changed (a new earlier record, a catalogue item's validity or scope, a new
 * alliance). {@code hospitalId} is the hospital whose action changed them (any hospital of the region), so that a
 * listener can act as Meridian within the region. Months are those of the records' local dates.
 */
public record RepeatFiguresChanged(long regionId, long hospitalId, Set<YearMonth> months) {

    public RepeatFiguresChanged {
        months = Set.copyOf(months);
    }
}
