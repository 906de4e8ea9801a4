package org.meridian.intake;

import java.util.List;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * A file that cannot be read as an event import at all (encoding, quoting, header, not a workbook): 400,
 * {@code urn:meridian:intake:unreadable-file}, the one problem on the field {@code file}. {@link #getMessage()} is the
 * English sentence that the import's record keeps as its failure; the API's {@code detail} is the same sentence,
 * introduced in the caller's language.
 */
public class ImportFileException extends InvalidInputException {
    public ImportFileException(String message) {
        super("intake", "unreadable-file", "intake.problem.unreadableFile", List.of(message),
                List.of(Problem.of("file", "intake.problem.unreadableFile", message)), message);
    }
}
