package org.meridian.shared.tenant;

import java.time.ZoneId;

/** A hospital (医院): the tenant every domain row belongs to, with the time zone of its local dates. */
public record Hospital(long id, String code, String name, ZoneId timeZone) {
}
