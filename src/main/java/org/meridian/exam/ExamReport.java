package org.meridian.exam;

import java.util.List;

import org.meridian.shared.problem.Problem;

/**
 * What became of a batch of exam records: {@code accepted} rows stored, {@code duplicates} re-sends of a stored record
 * (same recordId, same content), {@code notInCatalogue} the accepted rows whose item the region's catalogue does not
 * list (stored, not counted), and every rejected row with its position, its recordId where readable and every
 * problem (field and reason).
 */
public record ExamReport(int accepted, int duplicates, int notInCatalogue, List<Rejected> rejected) {

    public ExamReport {
        rejected = List.copyOf(rejected);
    }

    /** A rejected row: its index in the source (0-based in a JSON array, the data row number in a file). */
    public record Rejected(int index, String recordId, List<Problem> errors) {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
