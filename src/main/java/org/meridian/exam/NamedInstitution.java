package org.meridian.exam;

/**
 * An institution as pages and answers show it: its code as its hospital names it (the hospital's own code, or the
 * unit's code), its name, and the code of that hospital.
 */
public record NamedInstitution(String code, String name, String hospital) {
}
