package org.meridian.exam;

/**
 * An exam record as a request or a CSV row gives it, every field as text (a JSON boolean as {@code true}/{@code
 * false}); {@link ExamIntake} checks it. {@code patientId} is the clear id: it is pseudonymised before anything is
 * stored and never echoed in an answer or a log.
 */
public record RawExam(String recordId, String institution, String patientId, String item, String performedAt,
                      String recognisable, String exception) {

    @Override
    public String toString() {
        return "RawExam[recordId=" + recordId + ", institution=" + institution + ", item=" + item + "]";
    }
}
