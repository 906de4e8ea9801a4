package org.meridian.intake;

import java.util.List;

import org.meridian.shared.Actor;

/**
 * Exam records (检查互认) that arrive at the FHIR endpoint as {@code DiagnosticReport} or {@code ImagingStudy}: intake
 * reads the resources into rows and hands them here; the exam module, which keeps exam records, checks and stores them
 * (so that intake never depends on exam, which depends on intake).
 */
public interface FhirExamRecords {

    /**
     * One exam record as the resource gives it, every field as text. {@code patientId} is the clear id: it is never
     * stored, logged or echoed (the exam module pseudonymises it with the region's key).
     */
    record Row(String recordId, String institution, String patientId, String item, String performedAt,
               String recognisable, String exception) {

        @Override
        public String toString() {
            return "Row[recordId=" + recordId + ", institution=" + institution + ", item=" + item + "]";
        }
    }

    /** What became of a row. */
    enum Status {
        /** stored and counted in the repeat figures */
        STORED,
        /** stored, but its item is not in the region's catalogue: not counted */
        NOT_IN_CATALOGUE,
        /** the same record was stored before (same recordId and content): ignored */
        DUPLICATE,
        /** refused, with every reason */
        REJECTED
    }

    /** A row's status and, when rejected, every reason in English ({@code field: reason}). */
    record Outcome(Status status, List<String> errors) {
        public Outcome {
            errors = List.copyOf(errors);
        }
    }

    /** Checks and stores the rows each on its own, in one batch; one outcome per row, in their order. */
    List<Outcome> record(Actor actor, List<Row> rows);
}
