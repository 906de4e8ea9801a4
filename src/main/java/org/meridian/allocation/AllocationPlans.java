package org.meridian.allocation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.meridian.allocation.method.BoundedAllocation;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored allocation plans and their units' shares, always filtered by hospital. */
@Repository
class AllocationPlans {

    private static final String PLAN_COLUMNS = """
            id, name, resource, resource_unit, amount, period, unit_types, rule, weights, bounds, max_change,
            previous_plan_id, sources, status, drafted_at, drafted_by, approved_at, approved_by, pay_pool,
            demand_measure, equity_per""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    AllocationPlans(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** The stored form of the rule's weights: the driver's, or the parts per tier. */
    record Weights(DriverWeights driver, Map<String, BigDecimal> tiers) {
    }

    long insert(long hospitalId, AllocationPlan plan, List<PlanShare> shares) {
        long id = jdbc.sql("""
                        INSERT INTO allocation_plan (hospital_id, name, resource, resource_unit, amount, period,
                            unit_types, rule, weights, bounds, max_change, previous_plan_id, sources, status,
                            drafted_at, drafted_by, pay_pool, demand_measure, equity_per)
                        VALUES (:h, :name, :resource, :unit, :amount, :period, CAST(:types AS jsonb), :rule,
                            CAST(:weights AS jsonb), CAST(:bounds AS jsonb), :maxChange, :previous,
                            CAST(:sources AS jsonb), :status, :at, :by, :payPool, :demandMeasure, :equityPer)
                        RETURNING id""")
                .param("h", hospitalId).param("name", plan.name()).param("resource", plan.resource())
                .param("unit", plan.unit().name()).param("amount", plan.amount())
                .param("period", plan.period().toString())
                .param("types", json.writeValueAsString(plan.unitTypes().stream().map(Enum::name).toList()))
                .param("rule", plan.rule().name())
                .param("weights", json.writeValueAsString(new Weights(plan.weights(), plan.tiers())))
                .param("bounds", json.writeValueAsString(plan.bounds())).param("maxChange", plan.maxChange())
                .param("previous", plan.previousPlanId())
                .param("sources", json.writeValueAsString(plan.sources())).param("status", plan.status().name())
                .param("at", Timestamp.from(plan.draftedAt())).param("by", plan.draftedBy())
                .param("payPool", plan.payPool()).param("demandMeasure", plan.demandMeasure())
                .param("equityPer", plan.equityPer()).query(Long.class).single();
        List<Object[]> rows = new ArrayList<>(shares.size());
        for (PlanShare s : shares) {
            rows.add(new Object[] {hospitalId, id, s.position(), s.unitId(), s.unitCode(), s.unitName(),
                    s.unitType(), s.tier(), s.performance(), s.brand(), s.efficiency(), s.demand(), s.driver(),
                    s.previousAmount(), s.floor(), s.cap(), s.amount(), s.bound() == null ? null : s.bound().name(),
                    s.demandMonths(), s.population()});
        }
        template.batchUpdate("""
                INSERT INTO allocation_share (hospital_id, plan_id, position, unit_id, unit_code, unit_name, unit_type,
                    tier, performance, brand, efficiency, demand, driver, previous_amount, floor_amount, cap_amount,
                    amount, bound, demand_months, population)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return id;
    }

    Optional<AllocationPlan> find(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + PLAN_COLUMNS + " FROM allocation_plan", hospitalId, id, this::plan);
    }

    /** Locks the plan's row until the transaction ends (approving twice at once approves once). */
    Optional<AllocationPlan> lock(long hospitalId, long id) {
        return ById.lock(jdbc, "SELECT " + PLAN_COLUMNS + " FROM allocation_plan", hospitalId, id, this::plan);
    }

    /** The newest approved plan of the resource (by name, as written) in the same unit, if any. */
    Optional<AllocationPlan> lastApproved(long hospitalId, String resource, BoundedAllocation.Unit unit) {
        return jdbc.sql("SELECT " + PLAN_COLUMNS + """
                         FROM allocation_plan WHERE hospital_id = :h AND resource = :resource
                         AND resource_unit = :unit AND status = 'APPROVED'
                        ORDER BY approved_at DESC, id DESC LIMIT 1""")
                .param("h", hospitalId).param("resource", resource).param("unit", unit.name())
                .query(this::plan).optional();
    }

    void approve(long hospitalId, long id, Instant at, String by) {
        jdbc.sql("""
                        UPDATE allocation_plan SET status = 'APPROVED', approved_at = :at, approved_by = :by
                        WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id).param("at", Timestamp.from(at)).param("by", by).update();
    }

    /** Newest first; each filter null for any ({@code resource}: part of the name, case-insensitive). */
    List<AllocationPlan> search(long hospitalId, PlanStatus status, String resource, long offset, int limit) {
        return jdbc.sql("SELECT " + PLAN_COLUMNS + " FROM allocation_plan" + where(status, resource)
                        + " ORDER BY drafted_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params(hospitalId, status, resource)).param("limit", limit).param("offset", offset)
                .query(this::plan).list();
    }

    long count(long hospitalId, PlanStatus status, String resource) {
        return jdbc.sql("SELECT count(*) FROM allocation_plan" + where(status, resource))
                .params(params(hospitalId, status, resource)).query(Long.class).single();
    }

    List<PlanShare> shares(long hospitalId, long planId) {
        return jdbc.sql("""
                        SELECT position, unit_id, unit_code, unit_name, unit_type, tier, performance, brand, efficiency,
                            demand, driver, previous_amount, floor_amount, cap_amount, amount, bound, demand_months,
                            population
                        FROM allocation_share WHERE hospital_id = :h AND plan_id = :plan ORDER BY position""")
                .param("h", hospitalId).param("plan", planId).query(this::share).list();
    }

    private static String where(PlanStatus status, String resource) {
        StringBuilder w = new StringBuilder(" WHERE hospital_id = :h");
        if (status != null) {
            w.append(" AND status = :status");
        }
        if (resource != null) {
            w.append(" AND strpos(lower(resource), lower(:resource)) > 0");
        }
        return w.toString();
    }

    private static Map<String, Object> params(long hospitalId, PlanStatus status, String resource) {
        Map<String, Object> p = new HashMap<>();
        p.put("h", hospitalId);
        if (status != null) {
            p.put("status", status.name());
        }
        if (resource != null) {
            p.put("resource", resource);
        }
        return p;
    }

    private AllocationPlan plan(ResultSet rs, int n) throws SQLException {
        Weights weights = json.readValue(rs.getString(9), Weights.class);
        Timestamp approved = rs.getTimestamp(17);
        BigDecimal maxChange = rs.getBigDecimal(11);
        Long previous = rs.getObject(12) == null ? null : rs.getLong(12);
        return new AllocationPlan(rs.getLong(1), rs.getString(2), rs.getString(3),
                BoundedAllocation.Unit.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                Period.parse(rs.getString(6)).orElseThrow(),
                json.readValue(rs.getString(7), new TypeReference<List<String>>() { }).stream()
                        .map(UnitType::valueOf).toList(),
                PlanRule.valueOf(rs.getString(8)), weights.driver(), weights.tiers(),
                json.readValue(rs.getString(10), PlanBounds.class), maxChange, previous,
                json.readValue(rs.getString(13), new TypeReference<List<PlanSource>>() { }),
                PlanStatus.valueOf(rs.getString(14)), rs.getTimestamp(15).toInstant(), rs.getString(16),
                approved == null ? null : approved.toInstant(), rs.getString(18), rs.getBoolean(19),
                rs.getString(20), rs.getString(21));
    }

    private PlanShare share(ResultSet rs, int n) throws SQLException {
        Double efficiency = rs.getObject(9) == null ? null : rs.getDouble(9);
        String bound = rs.getString(16);
        return new PlanShare(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), efficiency, rs.getBigDecimal(10),
                rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14),
                rs.getBigDecimal(15), bound == null ? null : ShareBound.valueOf(bound),
                rs.getObject(17) == null ? null : rs.getInt(17), rs.getBigDecimal(18));
    }
}
