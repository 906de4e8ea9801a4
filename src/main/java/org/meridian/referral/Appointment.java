package org.meridian.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * The appointment the desk books (预约): the day, the department and the doctor (at most 50 characters). Whether the
 * department is the hospital's, and whether the day is not in the past, is the desk's to check.
 */
public record Appointment(LocalDate date, String department, String doctor) {

    public static final int DOCTOR_MAX = 50;

    /** Reads a form's or request's texts, every problem at once. */
    public static Appointment parse(String date, String department, String doctor) {
        List<Problem> problems = new ArrayList<>();
        LocalDate d = null;
        if (date == null || date.isBlank()) {
            problems.add(Problem.of("date", "referral.error.required"));
        } else {
            try {
                d = LocalDate.parse(date.strip());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(Problem.of("date", "referral.error.date"));
            }
        }
        String dep = NewReferral.blankToNull(department);
        if (dep == null) {
            problems.add(Problem.of("department", "referral.error.required"));
        }
        String doc = NewReferral.blankToNull(doctor);
        if (doc == null) {
            problems.add(Problem.of("doctor", "referral.error.required"));
        } else if (doc.length() > DOCTOR_MAX) {
            problems.add(Problem.of("doctor", "referral.error.tooLong", DOCTOR_MAX));
        } else if (!NewReferral.storable(doc)) {
            problems.add(Problem.of("doctor", "referral.error.characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("referral", problems);
        }
        return new Appointment(d, dep, doc);
    }
}
