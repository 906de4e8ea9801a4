package org.meridian.intake;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each hospital has reported month by month (上报情况): how many live (not voided) events fell in a month of its
 * own calendar, from how many distinct patients, and how many monthly statistic values it holds for the month. Read
 * by the region to see who has not reported; counts only, never a row. Only the system, a regulator or a region
 * administrator may ask, and the caller names the hospitals (the region module, which knows which hospitals belong
 * to the caller's region).
 */
@Service
public class MonthlyReporting {

    /**
     * One hospital's month: live events, the distinct pseudonymised patients among them (events without a patient
     * count none), and statistic values reported for the month.
     */
    public record ReportedMonth(long events, long patients, long statistics) {
    }

    private final JdbcClient jdbc;

    MonthlyReporting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each hospital named and each month from {@code from} to {@code to} (inclusive) with anything reported, its
     * counts; a month with nothing is absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<YearMonth, ReportedMonth>> months(Actor actor, Collection<Long> hospitalIds, YearMonth from,
                                                           YearMonth to) {
        RefusedException.unless(actor.isSystem() || actor.has(Role.REGULATOR) || actor.has(Role.REGION_ADMIN), "intake",
                "refused", "intake.problem.reportingRefused",
                actor.username() + " may not read the region's reporting");
        Map<Long, Map<YearMonth, ReportedMonth>> out = new HashMap<>();
        if (hospitalIds.isEmpty()) {
            return out;
        }
        LocalDate first = from.atDay(1);
        LocalDate until = to.plusMonths(1).atDay(1);
        jdbc.sql("""
                SELECT hospital_id, CAST(date_trunc('month', local_date) AS date) AS month, count(*) AS events,
                       count(DISTINCT patient_hash) AS patients
                  FROM intake_event
                 WHERE hospital_id IN (:ids) AND voided_at IS NULL AND local_date >= :first AND local_date < :until
                 GROUP BY 1, 2""").param("ids", hospitalIds).param("first", first).param("until", until)
                .query(rs -> {
                    YearMonth m = YearMonth.from(rs.getObject(2, LocalDate.class));
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(m, new ReportedMonth(rs.getLong(3), rs.getLong(4), 0));
                });
        jdbc.sql("""
                SELECT hospital_id, month, count(*) FROM statistic
                 WHERE hospital_id IN (:ids) AND month >= :first AND month < :until
                 GROUP BY 1, 2""").param("ids", hospitalIds).param("first", first).param("until", until)
                .query(rs -> {
                    YearMonth m = YearMonth.from(rs.getObject(2, LocalDate.class));
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .merge(m, new ReportedMonth(0, 0, rs.getLong(3)),
                                    (a, b) -> new ReportedMonth(a.events(), a.patients(), b.statistics()));
                });
        return out;
    }
}
