package org.meridian.efficiency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.meridian.efficiency.method.DeaModel;
import org.meridian.efficiency.method.EfficiencyStatus;
import org.meridian.efficiency.method.Orientation;
import org.meridian.efficiency.method.ReturnsToScale;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored efficiency runs and their per-unit results, always filtered by hospital. */
@Repository
class EfficiencyRuns {

    private static final String RUN_COLUMNS = """
            id, period, unit_type, model, orientation, super_efficiency, inputs, outputs, left_out, unit_count, status,
            ran_at, ran_by, published_at, published_by""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    EfficiencyRuns(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    long insert(long hospitalId, EfficiencyRun run, List<UnitEfficiency> results) {
        long id = jdbc.sql("""
                        INSERT INTO efficiency_run (hospital_id, period, unit_type, model, orientation, super_efficiency,
                            inputs, outputs, left_out, unit_count, status, ran_at, ran_by)
                        VALUES (:h, :period, :type, :model, :orientation, :super, CAST(:inputs AS jsonb),
                            CAST(:outputs AS jsonb), CAST(:leftOut AS jsonb), :units, :status, :at, :by)
                        RETURNING id""")
                .param("h", hospitalId).param("period", run.period().toString()).param("type", run.unitType().name())
                .param("model", run.model().name()).param("orientation", run.orientation().name())
                .param("super", run.superEfficiency()).param("inputs", json.writeValueAsString(run.inputs()))
                .param("outputs", json.writeValueAsString(run.outputs()))
                .param("leftOut", json.writeValueAsString(run.leftOut())).param("units", run.units())
                .param("status", run.status().name()).param("at", Timestamp.from(run.ranAt()))
                .param("by", run.ranBy()).query(Long.class).single();
        List<Object[]> rows = new ArrayList<>(results.size());
        for (UnitEfficiency u : results) {
            rows.add(new Object[] {hospitalId, id, u.position(), u.unitId(), u.unitCode(), u.unitName(),
                    json.writeValueAsString(u.inputs()), json.writeValueAsString(u.outputs()), u.efficiency(),
                    u.score(), u.radial(), u.technical(), u.pureTechnical(), u.scale(), u.returnsToScale().name(),
                    u.status().name(), json.writeValueAsString(u.inputSlacks()),
                    json.writeValueAsString(u.outputSlacks()), json.writeValueAsString(u.inputTargets()),
                    json.writeValueAsString(u.outputTargets()), json.writeValueAsString(u.peers()), u.infeasible(),
                    u.rank()});
        }
        template.batchUpdate("""
                INSERT INTO efficiency_result (hospital_id, run_id, position, unit_id, unit_code, unit_name, inputs,
                    outputs, efficiency, score, radial, technical, pure_technical, scale, returns_to_scale, status,
                    input_slacks, output_slacks, input_targets, output_targets, peers, infeasible, rank)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb),
                    CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)""", rows);
        return id;
    }

    Optional<EfficiencyRun> find(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + RUN_COLUMNS + " FROM efficiency_run", hospitalId, id, this::run);
    }

    /** Locks the run's row until the transaction ends (publishing twice at once publishes once). */
    Optional<EfficiencyRun> lock(long hospitalId, long id) {
        return ById.lock(jdbc, "SELECT " + RUN_COLUMNS + " FROM efficiency_run", hospitalId, id, this::run);
    }

    void publish(long hospitalId, long id, Instant at, String by) {
        jdbc.sql("""
                        UPDATE efficiency_run SET status = 'PUBLISHED', published_at = :at, published_by = :by
                        WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** Newest period first, then newest run; each filter null for any. */
    List<EfficiencyRun> search(long hospitalId, Period period, UnitType type, RunStatus status, long offset,
            int limit) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM efficiency_run" + where(period, type, status)
                        + " ORDER BY ran_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params(hospitalId, period, type, status)).param("limit", limit).param("offset", offset)
                .query(this::run).list();
    }

    long count(long hospitalId, Period period, UnitType type, RunStatus status) {
        return jdbc.sql("SELECT count(*) FROM efficiency_run" + where(period, type, status))
                .params(params(hospitalId, period, type, status)).query(Long.class).single();
    }

    List<UnitEfficiency> results(long hospitalId, long runId) {
        return jdbc.sql("""
                        SELECT position, unit_id, unit_code, unit_name, inputs, outputs, efficiency, score, radial,
                            technical, pure_technical, scale, returns_to_scale, status, input_slacks, output_slacks,
                            input_targets, output_targets, peers, infeasible, rank
                        FROM efficiency_result WHERE hospital_id = :h AND run_id = :run ORDER BY position""")
                .param("h", hospitalId).param("run", runId).query(this::result).list();
    }

    private static String where(Period period, UnitType type, RunStatus status) {
        StringBuilder w = new StringBuilder(" WHERE hospital_id = :h");
        if (period != null) {
            w.append(" AND period = :period");
        }
        if (type != null) {
            w.append(" AND unit_type = :type");
        }
        if (status != null) {
            w.append(" AND status = :status");
        }
        return w.toString();
    }

    private static java.util.Map<String, Object> params(long hospitalId, Period period, UnitType type,
            RunStatus status) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("h", hospitalId);
        if (period != null) {
            p.put("period", period.toString());
        }
        if (type != null) {
            p.put("type", type.name());
        }
        if (status != null) {
            p.put("status", status.name());
        }
        return p;
    }

    private EfficiencyRun run(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp(14);
        return new EfficiencyRun(rs.getLong(1), Period.parse(rs.getString(2)).orElseThrow(),
                UnitType.valueOf(rs.getString(3)), DeaModel.valueOf(rs.getString(4)),
                Orientation.valueOf(rs.getString(5)), rs.getBoolean(6),
                json.readValue(rs.getString(7), new TypeReference<List<RunMeasure>>() { }),
                json.readValue(rs.getString(8), new TypeReference<List<RunMeasure>>() { }),
                json.readValue(rs.getString(9), new TypeReference<List<LeftOut>>() { }), rs.getInt(10),
                RunStatus.valueOf(rs.getString(11)), rs.getTimestamp(12).toInstant(), rs.getString(13),
                published == null ? null : published.toInstant(), rs.getString(15));
    }

    private UnitEfficiency result(ResultSet rs, int n) throws SQLException {
        Double efficiency = rs.getObject(7) == null ? null : rs.getDouble(7);
        Integer rank = rs.getObject(21) == null ? null : rs.getInt(21);
        return new UnitEfficiency(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), vector(rs, 5),
                vector(rs, 6), efficiency, rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11),
                rs.getDouble(12), ReturnsToScale.valueOf(rs.getString(13)), EfficiencyStatus.valueOf(rs.getString(14)),
                vector(rs, 15), vector(rs, 16), vector(rs, 17), vector(rs, 18),
                json.readValue(rs.getString(19), new TypeReference<List<UnitEfficiency.RunPeer>>() { }),
                rs.getBoolean(20), rank);
    }

    private double[] vector(ResultSet rs, int column) throws SQLException {
        return json.readValue(rs.getString(column), double[].class);
    }
}
