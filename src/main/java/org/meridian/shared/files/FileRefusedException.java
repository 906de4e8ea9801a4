package org.meridian.shared.files;

/**
 * A file refused as a whole, before any of its rows is read, because its structure is hostile or too big to read
 * safely (docs/security.md, Files). The message is one English sentence a person can act on; each module's reader
 * turns it into its own problem on the field {@code file}.
 */
public class FileRefusedException extends RuntimeException {
    public FileRefusedException(String message) {
        super(message);
    }
}
