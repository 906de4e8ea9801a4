package org.meridian.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.meridian.indicator.scoring.PerformanceBrandMatrix;
import org.meridian.shared.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The matrix thresholds a hospital fixed per unit type (table {@code matrix_threshold}). */
@Repository
class MatrixThresholds {

    private final JdbcClient jdbc;

    MatrixThresholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PerformanceBrandMatrix.Thresholds> find(long hospitalId, UnitType unitType) {
        return jdbc.sql("SELECT performance, brand FROM matrix_threshold WHERE hospital_id = :h AND unit_type = :t")
                .param("h", hospitalId).param("t", unitType.name())
                .query((rs, i) -> new PerformanceBrandMatrix.Thresholds(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .optional();
    }

    /** Sets both (either may be null: that axis takes the median); both null removes the row. */
    void save(long hospitalId, UnitType unitType, BigDecimal performance, BigDecimal brand, String by, Instant at) {
        if (performance == null && brand == null) {
            jdbc.sql("DELETE FROM matrix_threshold WHERE hospital_id = :h AND unit_type = :t")
                    .param("h", hospitalId).param("t", unitType.name()).update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO matrix_threshold (hospital_id, unit_type, performance, brand, set_at, set_by)
                        VALUES (:h, :t, :p, :b, :at, :by)
                        ON CONFLICT (hospital_id, unit_type)
                        DO UPDATE SET performance = :p, brand = :b, set_at = :at, set_by = :by""")
                .param("h", hospitalId).param("t", unitType.name()).param("p", performance).param("b", brand)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by).update();
    }
}
