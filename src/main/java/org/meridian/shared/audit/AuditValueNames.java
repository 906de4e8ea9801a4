package org.meridian.shared.audit;

import java.util.Optional;

/**
 * Names, for the audit page, of values a module records in audit details by their code — an indicator code under
 * {@code indicator} — so that the page shows 到诊率 where the entry holds ARRIVAL_RATE. Implemented by the module that
 * owns the codes; a value no module names is shown as it is stored.
 */
public interface AuditValueNames {

    /** The value's name in the reader's language, if this module names the values of that field. */
    Optional<String> name(long hospitalId, String field, String value, boolean english);
}
