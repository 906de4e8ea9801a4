package org.meridian.shared.db;

import java.nio.file.Path;

/** Another Meridian process already owns the data directory; this one must not touch it. */
public class DataDirectoryInUseException extends IllegalStateException {

    public DataDirectoryInUseException(Path dataDir) {
        super("Meridian's data directory " + dataDir.toAbsolutePath()
                + " is in use by another running Meridian process. Stop that process first, or set"
                + " MERIDIAN_DATA_DIR to another directory. Nothing was changed.");
    }
}
