package org.meridian.shared.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.stereotype.Component;

/**
 * Shows instants on pages as local date and time of the signed-in user's hospital
 * ({@code ${@times.minutes(t)}}); null shows as an empty string.
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

    public String minutes(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(zone()).format(MINUTES);
    }

    public String seconds(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(zone()).format(SECONDS);
    }

    private ZoneId zone() {
        return CurrentUser.find()
                .map(u -> zones.computeIfAbsent(u.hospitalId(),
                        id -> hospitals.find(id).map(h -> h.timeZone()).orElse(ZoneId.of("Asia/Shanghai"))))
                .orElse(ZoneId.of("Asia/Shanghai"));
    }
}
