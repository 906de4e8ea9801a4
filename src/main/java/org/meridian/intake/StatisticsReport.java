package org.meridian.intake;

import java.util.List;

import org.meridian.shared.problem.Problem;

/**
 * What became of a batch of statistics: {@code accepted} counts every row stored (restatements included),
 * {@code restated} the rows among them that replaced a different value, {@code duplicates} the rows equal to the
 * value already there; every rejected row is listed with its position and every problem (field and reason).
 * {@code restatedIndexes} and {@code duplicateIndexes} name the rows counted as restated and as duplicates, for
 * sources that answer row by row (FHIR).
 */
public record StatisticsReport(int accepted, int restated, int duplicates, List<Rejected> rejected,
                               List<Integer> restatedIndexes, List<Integer> duplicateIndexes) {

    public StatisticsReport {
        rejected = List.copyOf(rejected);
        restatedIndexes = List.copyOf(restatedIndexes);
        duplicateIndexes = List.copyOf(duplicateIndexes);
    }

    /** A rejected row: its index in the source (0-based in a JSON array, the data row number in a file). */
    public record Rejected(int index, List<Problem> errors) {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
