package org.meridian.unit;

import java.time.OffsetDateTime;

import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;

/**
 * A department (科室) or an institution (机构) of the hospital's registry. {@code parent} (the code of the department
 * a ward or sub-specialty belongs to), {@code head} and {@code openBeds} describe departments; {@code level}
 * (e.g. 三级甲等) and {@code district} describe institutions; the other kind leaves them null.
 */
public record Unit(long id, String code, String name, UnitKind kind, UnitType type, UnitStatus status,
                   String parent, String head, Integer openBeds, String level, String district,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The short reference other modules use. */
    public UnitRef ref() {
        return new UnitRef(id, code, name, type, status);
    }
}
