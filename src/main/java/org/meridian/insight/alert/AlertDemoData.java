package org.meridian.insight.alert;

import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.tenant.HospitalCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's alerts (demo mode only, after the demo events of {@code @Order(40)}): one scan of the demo hospital's
 * last {@value #DEMO_DAYS} days up to yesterday, as the daily scan would have left them, while the hospital has no
 * alert yet. The demo's burst platform and its quiet community channel are among them; the Spring Festival is
 * further back than these days (its absence is tested by a scan of February 2026 on demand).
 */
@Component
@Order(62)
@ConditionalOnBooleanProperty("meridian.demo")
class AlertDemoData implements ApplicationRunner {

    static final int DEMO_DAYS = 60;
    private static final Logger log = LoggerFactory.getLogger(AlertDemoData.class);

    private final AlertWatch watch;
    private final Hospitals hospitals;
    private final HospitalCalendar calendar;
    private final JdbcClient jdbc;

    AlertDemoData(AlertWatch watch, Hospitals hospitals, HospitalCalendar calendar, JdbcClient jdbc) {
        this.watch = watch;
        this.hospitals = hospitals;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Hospital h = hospitals.all().get(0);
        boolean any = jdbc.sql("SELECT EXISTS (SELECT 1 FROM insight_alert WHERE hospital_id = ?)")
                .param(h.id()).query(Boolean.class).single();
        if (any) {
            return;
        }
        var today = calendar.today(h.id());
        AlertWatch.ScanReport r = watch.scan(Actor.system(h.id(), "alert-demo"), today.minusDays(DEMO_DAYS),
                today.minusDays(1), today);
        log.info("Demo alerts: {} channel(s) scanned, {} alert(s)", r.channels(), r.raised());
    }
}
