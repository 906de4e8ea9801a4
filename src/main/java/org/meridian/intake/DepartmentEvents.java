package org.meridian.intake;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.meridian.indicator.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The event measures of departments (科室): the live events whose {@code attributes.department} names a department
 * code, summed as {@link Contributions} sums them for a channel (engine.md §2). A REFERRAL/ACCEPTED pair adds its
 * response to the department named by the ACCEPTED event (the department that took the referral), on that event's
 * local date, when the ACCEPTED does not precede its live REFERRAL. Read from the events, not the rollups (which
 * are per channel).
 */
@Repository
class DepartmentEvents {

    private final JdbcClient jdbc;

    DepartmentEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each named department's event measures over the local dates from–to; a department with no event is absent. */
    Map<String, Map<Measure, BigDecimal>> totals(long hospitalId, LocalDate from, LocalDate to) {
        Map<String, Map<Measure, BigDecimal>> byDepartment = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT attributes->>'department',
                               count(*) FILTER (WHERE type = 'REFERRAL'),
                               count(*) FILTER (WHERE type = 'ACCEPTED'),
                               count(*) FILTER (WHERE type = 'ARRIVED'),
                               count(*) FILTER (WHERE type = 'CONVERTED'),
                               coalesce(sum(value) FILTER (WHERE type = 'REVENUE'), 0),
                               count(*) FILTER (WHERE type = 'SURVEY'),
                               coalesce(sum(value) FILTER (WHERE type = 'SURVEY'), 0),
                               count(*) FILTER (WHERE type = 'SURVEY' AND value >= 4),
                               count(*) FILTER (WHERE type = 'SURVEY' AND attributes->>'recommend' IS NOT NULL),
                               count(*) FILTER (WHERE type = 'SURVEY' AND CASE WHEN attributes->>'recommend' ~ '^[0-9]+$'
                                                THEN CAST(attributes->>'recommend' AS integer) END >= 9),
                               count(*) FILTER (WHERE type = 'SURVEY' AND CASE WHEN attributes->>'recommend' ~ '^[0-9]+$'
                                                THEN CAST(attributes->>'recommend' AS integer) END <= 6),
                               count(*) FILTER (WHERE type = 'COMPLAINT'),
                               count(*) FILTER (WHERE type = 'RETURN_VISIT'),
                               count(*) FILTER (WHERE type = 'FEEDBACK'),
                               count(*) FILTER (WHERE type = 'REFERRAL_OUT')
                        FROM intake_event
                        WHERE hospital_id = :h AND voided_at IS NULL AND local_date BETWEEN :from AND :to
                          AND attributes->>'department' IS NOT NULL
                        GROUP BY 1""")
                .param("h", hospitalId).param("from", from).param("to", to)
                .query((ResultSet rs) -> {
                    Map<Measure, BigDecimal> m = new EnumMap<>(Measure.class);
                    Measure[] order = {Measure.REFERRALS, Measure.ACCEPTED, Measure.ARRIVALS, Measure.CONVERSIONS,
                            Measure.REVENUE, Measure.SURVEY_COUNT, Measure.SURVEY_SUM, Measure.SATISFIED,
                            Measure.NPS_COUNT, Measure.PROMOTERS, Measure.DETRACTORS, Measure.COMPLAINTS,
                            Measure.RETURN_VISITS, Measure.FEEDBACKS, Measure.REFERRALS_OUT};
                    for (int i = 0; i < order.length; i++) {
                        m.put(order[i], rs.getBigDecimal(i + 2));
                    }
                    byDepartment.put(rs.getString(1), m);
                });
        jdbc.sql("""
                        SELECT a.attributes->>'department', count(*),
                               sum(round(extract(epoch FROM a.occurred_at - r.occurred_at) / 3600, :scale))
                        FROM intake_event a JOIN intake_event r
                             ON r.hospital_id = a.hospital_id AND r.referral_id = a.referral_id
                             AND r.type = 'REFERRAL' AND r.voided_at IS NULL
                        WHERE a.hospital_id = :h AND a.type = 'ACCEPTED' AND a.voided_at IS NULL
                          AND a.local_date BETWEEN :from AND :to AND a.attributes->>'department' IS NOT NULL
                          AND a.occurred_at >= r.occurred_at
                        GROUP BY 1""")
                .param("h", hospitalId).param("from", from).param("to", to)
                .param("scale", Contributions.HOURS_SCALE)
                .query((ResultSet rs) -> {
                    Map<Measure, BigDecimal> m = byDepartment.computeIfAbsent(rs.getString(1),
                            d -> new EnumMap<>(Measure.class));
                    m.put(Measure.RESPONSE_COUNT, rs.getBigDecimal(2));
                    m.put(Measure.RESPONSE_HOURS_SUM, rs.getBigDecimal(3));
                });
        return byDepartment;
    }
}
