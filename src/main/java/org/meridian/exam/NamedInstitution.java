package org.meridian.exam;

/**
 * An institution as pages and answers show it: its code as its hospital names it (the hospital's own code, or the
 * unit's code), its name, and the code of that hospital.
 */
public record NamedInstitution(String code, String name, String hospital) {

    /** How filters and alliances name it across the region: {@code HOSPITAL} or {@code HOSPITAL/UNIT}. */
    public String reference() {
        return code.equals(hospital) ? hospital : hospital + "/" + code;
    }
}
