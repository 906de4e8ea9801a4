package org.meridian.exam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An exam record as stored (检查检验记录): who performed what for which pseudonymised patient and when, whether its
 * result is recognisable elsewhere (可互认), the exception reason that justified doing it again, if any, and the
 * month it counts in (in the submitting hospital's zone). Never the clear patient id.
 */
record ExamRecord(String recordId, Institution institution, java.util.UUID patient, String item, Instant performedAt,
                  LocalDate month, boolean recognisable, String exception) {

    ExamRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(performedAt, "performedAt");
        Objects.requireNonNull(month, "month");
    }

    /** Same meaning: what makes a re-send a duplicate rather than a conflicting record with a taken recordId. */
    boolean sameAs(ExamRecord o) {
        return recordId.equals(o.recordId) && institution.equals(o.institution) && patient.equals(o.patient)
                && item.equals(o.item) && performedAt.equals(o.performedAt) && recognisable == o.recognisable
                && Objects.equals(exception, o.exception);
    }
}
