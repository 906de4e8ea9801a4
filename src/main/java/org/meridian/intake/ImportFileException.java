package org.meridian.intake;

/** A file that cannot be read as an event import at all (encoding, quoting, header, not a workbook); answers 400. */
public class ImportFileException extends RuntimeException {
    public ImportFileException(String message) {
        super(message);
    }
}
