package org.meridian.insight.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The holiday calendars: the State Council's defaults and the years a hospital keeps itself. */
@Repository
class Holidays {

    private final JdbcClient jdbc;

    Holidays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who last saved the hospital's own list of a year, and when; empty while the year follows the defaults. */
    record Edited(String by, OffsetDateTime at) {
    }

    Optional<Edited> edited(long hospitalId, int year) {
        return jdbc.sql("SELECT edited_by, edited_at FROM holiday_year WHERE hospital_id = :h AND year = :y")
                .param("h", hospitalId).param("y", year)
                .query((rs, i) -> new Edited(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).optional();
    }

    /**
     * The days from–to (inclusive) as the hospital sees them: its own rows for the years it keeps, the defaults for
     * the others, by date.
     */
    List<HolidayDay> between(long hospitalId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT day, kind, name FROM holiday
                         WHERE hospital_id = :h AND day BETWEEN :from AND :to
                        UNION ALL
                        SELECT d.day, d.kind, d.name FROM holiday_default d
                         WHERE d.day BETWEEN :from AND :to
                           AND NOT EXISTS (SELECT 1 FROM holiday_year y WHERE y.hospital_id = :h
                                            AND y.year = EXTRACT(YEAR FROM d.day))
                        ORDER BY 1""")
                .param("h", hospitalId).param("from", from).param("to", to)
                .query((rs, i) -> new HolidayDay(rs.getObject(1, LocalDate.class), HolidayKind.valueOf(rs.getString(2)),
                        rs.getString(3))).list();
    }

    /** Replaces the hospital's list of a year. */
    void replace(long hospitalId, int year, List<HolidayDay> days, String by, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO holiday_year (hospital_id, year, edited_by, edited_at) VALUES (:h, :y, :by, :at)
                        ON CONFLICT (hospital_id, year) DO UPDATE SET edited_by = :by, edited_at = :at""")
                .param("h", hospitalId).param("y", year).param("by", by).param("at", at).update();
        jdbc.sql("DELETE FROM holiday WHERE hospital_id = :h AND day BETWEEN :from AND :to")
                .param("h", hospitalId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .update();
        for (HolidayDay d : days) {
            jdbc.sql("INSERT INTO holiday (hospital_id, day, kind, name) VALUES (:h, :d, :k, :n)")
                    .param("h", hospitalId).param("d", d.day()).param("k", d.kind().name()).param("n", d.name())
                    .update();
        }
    }

    /** Back to the defaults for a year. */
    void reset(long hospitalId, int year) {
        jdbc.sql("DELETE FROM holiday WHERE hospital_id = :h AND day BETWEEN :from AND :to")
                .param("h", hospitalId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .update();
        jdbc.sql("DELETE FROM holiday_year WHERE hospital_id = :h AND year = :y")
                .param("h", hospitalId).param("y", year).update();
    }
}
