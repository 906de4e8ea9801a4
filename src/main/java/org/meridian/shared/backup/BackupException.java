package org.meridian.shared.backup;

/** A backup or restore that cannot go on, with the reason a person can act on; nothing was changed by it. */
public class BackupException extends java.io.IOException {

    public BackupException(String message) {
        super(message);
    }
}
