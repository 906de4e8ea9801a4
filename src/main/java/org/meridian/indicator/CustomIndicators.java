package org.meridian.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A hospital's own indicators (table {@code custom_indicator}). */
@Repository
class CustomIndicators {

    private static final String COLUMNS = "code, name_zh, name_en, unit_zh, unit_en, direction, formula, "
            + "description_zh, description_en, dimension";

    private final JdbcClient jdbc;

    CustomIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IndicatorDefinition> all(long hospitalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM custom_indicator WHERE hospital_id = :h ORDER BY code")
                .param("h", hospitalId).query((rs, i) -> map(rs)).list();
    }

    Optional<IndicatorDefinition> find(long hospitalId, String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM custom_indicator WHERE hospital_id = :h AND code = :c")
                .param("h", hospitalId).param("c", code).query((rs, i) -> map(rs)).optional();
    }

    /** Inserts; false when the code is taken in this hospital. */
    boolean insert(long hospitalId, IndicatorDefinition d, String createdBy) {
        return jdbc.sql("""
                        INSERT INTO custom_indicator (hospital_id, code, name_zh, name_en, unit_zh, unit_en, direction,
                            formula, description_zh, description_en, dimension, created_by)
                        VALUES (:h, :code, :nameZh, :nameEn, :unitZh, :unitEn, :direction, :formula, :descZh, :descEn,
                            :dimension, :by)
                        ON CONFLICT (hospital_id, code) DO NOTHING""")
                .param("h", hospitalId).param("code", d.code()).param("nameZh", d.nameZh()).param("nameEn", d.nameEn())
                .param("unitZh", d.unitZh()).param("unitEn", d.unitEn()).param("direction", d.direction().name())
                .param("formula", d.formula().text()).param("descZh", d.descriptionZh())
                .param("descEn", d.descriptionEn()).param("dimension", d.dimension().name()).param("by", createdBy)
                .update() == 1;
    }

    private static IndicatorDefinition map(ResultSet rs) throws SQLException {
        return new IndicatorDefinition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Direction.valueOf(rs.getString(6)), Formula.stored(rs.getString(7)), rs.getString(8),
                rs.getString(9), Dimension.parse(rs.getString(10)));
    }
}
