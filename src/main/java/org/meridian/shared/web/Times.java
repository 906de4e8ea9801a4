package org.meridian.shared.web;

import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.stereotype.Component;

/**
 * Shows instants on pages as local date and time of the signed-in user's hospital
 * ({@code ${@times.minutes(t)}}), for an {@code Instant}, {@code OffsetDateTime} or {@code ZonedDateTime}; null shows as an
 * empty string. Every time on a page goes through here, so no page shows UTC.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Hospitals hospitals;
    private final Map<Long, ZoneId> zones = new ConcurrentHashMap<>();

    Times(Hospitals hospitals) {
        this.hospitals = hospitals;
    }

    public String minutes(TemporalAccessor t) {
        return t == null ? "" : Instant.from(t).atZone(zone()).format(MINUTES);
    }

    public String seconds(TemporalAccessor t) {
        return t == null ? "" : Instant.from(t).atZone(zone()).format(SECONDS);
    }

    private ZoneId zone() {
        return CurrentUser.find()
                .map(u -> zones.computeIfAbsent(u.hospitalId(),
                        id -> hospitals.find(id).map(h -> h.timeZone()).orElse(ZoneId.of("Asia/Shanghai"))))
                .orElse(ZoneId.of("Asia/Shanghai"));
    }
}
