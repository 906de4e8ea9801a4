package org.meridian.exam;

import java.util.List;
import java.util.Set;

import org.meridian.shared.problem.Problem;

/**
 * What became of a batch of exam records: {@code accepted} rows stored, {@code duplicates} re-sends of a stored record
 * (same recordId, same content), {@code notInCatalogue} the accepted rows whose item the region's catalogue does not
 * list (stored, not counted), and every rejected row with its position, its recordId where readable and every
 * problem (field and reason). The indexes of the duplicates and of the rows not in the catalogue say which rows they
 * were (for answers per row, as the FHIR endpoint gives).
 */
public record ExamReport(int accepted, int duplicates, int notInCatalogue, List<Rejected> rejected,
                         Set<Integer> duplicateIndexes, Set<Integer> notInCatalogueIndexes) {

    public ExamReport {
        rejected = List.copyOf(rejected);
        duplicateIndexes = Set.copyOf(duplicateIndexes);
        notInCatalogueIndexes = Set.copyOf(notInCatalogueIndexes);
    }

    /** A rejected row: its index in the source (0-based in a JSON array, the data row number in a file). */
    public record Rejected(int index, String recordId, List<Problem> errors) {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
