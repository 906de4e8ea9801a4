package org.meridian.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What became of a batch of events (api.md, Events): how many were stored, how many were duplicates of
 * events already stored, and every rejected row with every reason. {@code warnings} lists stored rows
 * that revealed a data-quality problem (an ACCEPTED before its REFERRAL, or naming another channel);
 * {@code duplicateIndexes} (not part of the JSON answer) says which rows were duplicates.
 */
public record IngestReport(int accepted, int duplicates, List<RejectedRow> rejected, List<RowWarning> warnings,
                           @JsonIgnore List<Integer> duplicateIndexes) {

    public IngestReport {
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
        duplicateIndexes = duplicateIndexes == null ? List.of() : List.copyOf(duplicateIndexes);
    }

    public IngestReport(int accepted, int duplicates, List<RejectedRow> rejected, List<RowWarning> warnings) {
        this(accepted, duplicates, rejected, warnings, List.of());
    }

    /** A rejected row: its position in the source, its eventId where readable, and every reason. */
    public record RejectedRow(int index, String eventId, List<String> errors) {
        public RejectedRow {
            errors = List.copyOf(errors);
        }
    }

    /** A stored row with a data-quality problem that does not prevent storing it. */
    public record RowWarning(int index, String eventId, List<String> warnings) {
        public RowWarning {
            warnings = List.copyOf(warnings);
        }
    }

    public static IngestReport empty() {
        return new IngestReport(0, 0, List.of(), List.of());
    }
}
