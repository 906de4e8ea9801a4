package org.meridian.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * A referral as the channel's user fills it in (发起转诊): the patient's name and phone (for the hospital's contact
 * only), the department wanted (optional), the urgency, a note (optional) and the patient's consent, which must be
 * given. Built only with every field valid; {@link #parse} reads the texts of a form or a request and reports every
 * problem at once. Whether the department is one of the hospital's is the desk's to say (it depends on the hospital).
 *
 * @param channel the channel code the request names, or null for the user's own channel
 */
public record NewReferral(String patientName, PatientPhone patientPhone, String department, Urgency urgency,
                          String note, String channel) {

    public static final int NAME_MAX = 50;
    public static final int NOTE_MAX = 500;

    public NewReferral {
        Objects.requireNonNull(patientPhone, "patientPhone");
        Objects.requireNonNull(urgency, "urgency");
        if (patientName == null || patientName.isBlank() || patientName.length() > NAME_MAX) {
            throw new IllegalArgumentException("a patient name of 1 to " + NAME_MAX + " characters is required");
        }
        if (note != null && note.length() > NOTE_MAX) {
            throw new IllegalArgumentException("a note has at most " + NOTE_MAX + " characters");
        }
    }

    /**
     * Reads the texts: a name (1–50 characters, no control characters), a mainland phone ({@link PatientPhone}), the
     * urgency {@code ROUTINE} or {@code URGENT}, a note of at most 500 characters, and consent {@code true}. Blank
     * optional texts mean "none". Throws {@link InvalidInputException} with every problem; its messages never repeat
     * what was typed about the patient.
     */
    public static NewReferral parse(String patientName, String patientPhone, String department, String urgency,
                                    String note, Boolean consent, String channel) {
        List<Problem> problems = new ArrayList<>();
        String name = patientName == null ? "" : patientName.strip();
        if (name.isEmpty()) {
            problems.add(Problem.of("patientName", "referral.error.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(Problem.of("patientName", "referral.error.tooLong", NAME_MAX));
        } else if (!storable(name)) {
            problems.add(Problem.of("patientName", "referral.error.characters"));
        }
        PatientPhone phone = null;
        if (patientPhone == null || patientPhone.isBlank()) {
            problems.add(Problem.of("patientPhone", "referral.error.required"));
        } else {
            phone = PatientPhone.parse(patientPhone).orElse(null);
            if (phone == null) {
                problems.add(Problem.of("patientPhone", "referral.error.phone"));
            }
        }
        Urgency u = null;
        if (urgency == null || urgency.isBlank()) {
            problems.add(Problem.of("urgency", "referral.error.required"));
        } else {
            try {
                u = Urgency.valueOf(urgency.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("urgency", "referral.error.urgency"));
            }
        }
        String n = blankToNull(note);
        if (n != null && n.length() > NOTE_MAX) {
            problems.add(Problem.of("note", "referral.error.tooLong", NOTE_MAX));
        } else if (n != null && !storable(n)) {
            problems.add(Problem.of("note", "referral.error.characters"));
        }
        if (!Boolean.TRUE.equals(consent)) {
            problems.add(Problem.of("consent", "referral.error.consent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("referral", problems);
        }
        return new NewReferral(name, phone, blankToNull(department), u, n, blankToNull(channel));
    }

    /** The patient id the engine's events carry (pseudonymised by intake): the phone number in normal form. */
    String patientId() {
        return "tel:" + patientPhone.value();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** No control characters other than line breaks and tabs, no unpaired surrogates (PostgreSQL stores neither). */
    static boolean storable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
