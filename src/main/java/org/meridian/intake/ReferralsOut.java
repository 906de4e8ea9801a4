package org.meridian.intake;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The live REFERRAL_OUT events of a hospital counted by referring and receiving institution (docs/intake.md). */
@Repository
class ReferralsOut {

    private final JdbcClient jdbc;

    ReferralsOut(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReferralOutCount> count(long hospitalId, LocalDate from, LocalDate to) {
        List<ReferralOutCount> counts = new ArrayList<>();
        jdbc.sql("""
                        SELECT attributes->>'from', attributes->>'to', count(*)
                        FROM intake_event
                        WHERE hospital_id = :h AND type = 'REFERRAL_OUT' AND voided_at IS NULL
                          AND local_date BETWEEN :from AND :to
                        GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2""")
                .param("h", hospitalId).param("from", from).param("to", to)
                .query((ResultSet rs) -> {
                    counts.add(new ReferralOutCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                });
        return counts;
    }
}
