package org.meridian.shared.tenant;

import java.time.ZoneId;

import org.meridian.shared.UnitType;

/**
 * What the region knows of one of its hospitals: besides code, name and time zone, its institution type (one of the
 * INSTITUTION types), grade (等级, e.g. 三级甲等) and district (区县) — the last three null for a hospital created
 * before the region kept them — and whether the demo data made it up.
 */
public record HospitalProfile(long id, String code, String name, ZoneId timeZone, long regionId, UnitType type,
                              String level, String district, boolean demo) {

    public Hospital hospital() {
        return new Hospital(id, code, name, timeZone);
    }
}
