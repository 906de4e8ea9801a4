package org.meridian.indicator;

import java.util.Optional;

import org.meridian.shared.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The weighting records of scheme versions (table {@code scheme_weighting}), inputs and results as JSON. */
@Repository
class SchemeWeightings {

    record Stored(WeightingInputs inputs, WeightingResult result) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SchemeWeightings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(long hospitalId, UnitType unitType, int version, WeightingInputs inputs, WeightingResult result) {
        jdbc.sql("""
                        INSERT INTO scheme_weighting (hospital_id, unit_type, version, method, content)
                        VALUES (:h, :t, :v, :m, CAST(:c AS jsonb))""")
                .param("h", hospitalId).param("t", unitType.name()).param("v", version)
                .param("m", inputs.method().name()).param("c", json.writeValueAsString(new Stored(inputs, result)))
                .update();
    }

    Optional<WeightingRecord> find(long hospitalId, UnitType unitType, int version) {
        return jdbc.sql("""
                        SELECT content::text FROM scheme_weighting
                        WHERE hospital_id = :h AND unit_type = :t AND version = :v""")
                .param("h", hospitalId).param("t", unitType.name()).param("v", version)
                .query(String.class).optional()
                .map(c -> json.readValue(c, Stored.class))
                .map(s -> new WeightingRecord(version, s.inputs(), s.result()));
    }
}
