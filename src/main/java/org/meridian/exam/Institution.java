package org.meridian.exam;

/**
 * An institution that performs examinations, as exam records and alliances name it: a hospital of the region itself
 * ({@code unitId} 0) or an INSTITUTION unit that hospital registered (a 社区卫生服务中心 of its 医共体, {@code unitId}
 * the unit's id). A record always names an institution of the hospital that submits it.
 */
public record Institution(long hospitalId, long unitId) {

    public Institution {
        if (unitId < 0) {
            throw new IllegalArgumentException("unit id " + unitId + " is negative");
        }
    }

    public static Institution hospital(long hospitalId) {
        return new Institution(hospitalId, 0);
    }
}
