package org.meridian.indicator;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hospitals' statistic measures, always filtered by hospital. */
@Repository
class StatisticMeasures {

    private final JdbcClient jdbc;

    StatisticMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StatisticMeasure> all(long hospitalId) {
        return jdbc.sql("""
                        SELECT code, name_zh, name_en, unit, aggregation FROM statistic_measure
                        WHERE hospital_id = :h ORDER BY code""")
                .param("h", hospitalId)
                .query((rs, n) -> new StatisticMeasure(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Aggregation.valueOf(rs.getString(5))))
                .list();
    }

    /** Inserts; false when the code is already taken in the hospital. */
    boolean insert(long hospitalId, StatisticMeasure m, String by) {
        return jdbc.sql("""
                        INSERT INTO statistic_measure (hospital_id, code, name_zh, name_en, unit, aggregation, created_by)
                        VALUES (:h, :code, :zh, :en, :unit, :agg, :by) ON CONFLICT DO NOTHING""")
                .param("h", hospitalId).param("code", m.code()).param("zh", m.nameZh()).param("en", m.nameEn())
                .param("unit", m.unit()).param("agg", m.aggregation().name()).param("by", by)
                .update() == 1;
    }
}
