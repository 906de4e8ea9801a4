package org.meridian.channel;

import java.util.Map;
import java.util.Objects;

import org.meridian.shared.audit.AuditLog;

/** The changed values of an audit entry: each field whose value differs, with its old and new value. */
final class AuditChanges {

    private AuditChanges() {
    }

    static void diff(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, AuditLog.change(before, after));
        }
    }
}
