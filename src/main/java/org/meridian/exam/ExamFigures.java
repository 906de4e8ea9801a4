package org.meridian.exam;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kept monthly figures ({@code exam_figure}) added up per hospital for the region's pages, in SQL: a workbench
 * of 500 hospitals reads 500 sums instead of every institution × item of the region to add them up itself.
 */
@Repository
class ExamFigures {

    private final JdbcClient jdbc;

    ExamFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per hospital of the region (only {@code hospitalId} when given), and per catalogue item too when {@code byItem},
     * the records, repeats and avoidable cost (each item's repeats at its price) of the months from–to; an item outside
     * the catalogue is never counted, and a hospital (or item) without records is left out. These are the sums of the
     * counts' rows per institution and item: a row without records has no repeats either. By hospital id (and item).
     * The patients are the largest row's (institution × item × month): a bound from below, never a sum.
     */
    List<HospitalFigure> sums(long region, LocalDate fromMonth, LocalDate toMonth, Long hospitalId, boolean byItem) {
        // added up per hospital and item first (a few thousand rows for a year of 500 hospitals), then priced
        String item = byItem ? "g.item, i.name" : "CAST(NULL AS varchar), CAST(NULL AS varchar)";
        return jdbc.sql("SELECT g.hospital_id, " + item + """
                        , sum(g.records), sum(g.repeats), sum(g.repeats * i.price), max(g.patients)
                        FROM (SELECT f.hospital_id, f.item, sum(f.records) AS records, sum(f.repeats) AS repeats,
                                     max(f.patients) AS patients
                              FROM exam_figure f
                              WHERE f.region_id = :r AND f.month BETWEEN :from AND :to %s
                              GROUP BY f.hospital_id, f.item) g
                        JOIN exam_item i ON i.region_id = :r AND i.code = g.item
                        GROUP BY 1, 2, 3 HAVING sum(g.records) > 0 ORDER BY 1, 2"""
                        .formatted(hospitalId == null ? "" : "AND f.hospital_id = :h"))
                .params(hospitalId == null ? Map.of() : Map.of("h", hospitalId))
                .param("r", region).param("from", fromMonth).param("to", toMonth)
                .query((rs, i) -> new HospitalFigure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7)))
                .list();
    }
}
