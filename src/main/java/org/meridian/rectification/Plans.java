package org.meridian.rectification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rectification plans with their actions and notes. */
@Repository
class Plans {

    private static final String COLUMNS = """
            p.id, p.channel_id, p.channel_code, p.channel_name, p.evaluation_id, p.period, p.unit_type, p.grounds,
            p.title, p.status, p.opened_at, p.opened_by, p.closed_at, p.closed_by""";

    private final JdbcClient jdbc;

    Plans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long hospitalId, Plan p) {
        return jdbc.sql("""
                        INSERT INTO rectification_plan (hospital_id, channel_id, channel_code, channel_name,
                            evaluation_id, period, unit_type, grounds, title, status, opened_at, opened_by)
                        VALUES (:h, :c, :code, :name, :e, :p, :t, :g, :title, 'OPEN', :at, :by) RETURNING id""")
                .param("h", hospitalId).param("c", p.channelId()).param("code", p.channelCode())
                .param("name", p.channelName()).param("e", p.evaluationId()).param("p", p.period())
                .param("t", p.unitType().name()).param("g", p.grounds()).param("title", p.title())
                .param("at", p.openedAt()).param("by", p.openedBy()).query(Long.class).single();
    }

    Optional<Plan> find(long hospitalId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rectification_plan p WHERE p.hospital_id = :h AND p.id = :id")
                .param("h", hospitalId).param("id", id).query(Plans::plan).optional();
    }

    Optional<Plan> lock(long hospitalId, long id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM rectification_plan p WHERE p.hospital_id = :h AND p.id = :id FOR UPDATE")
                .param("h", hospitalId).param("id", id).query(Plans::plan).optional();
    }

    /** The live plan of a channel for an evaluation. */
    Optional<Long> livePlan(long hospitalId, long channelId, long evaluationId) {
        return jdbc.sql("""
                        SELECT id FROM rectification_plan WHERE hospital_id = :h AND channel_id = :c
                          AND evaluation_id = :e AND status IN ('OPEN', 'IN_PROGRESS')""")
                .param("h", hospitalId).param("c", channelId).param("e", evaluationId).query(Long.class).optional();
    }

    Paged<Plan> search(long hospitalId, Long channelId, PlanStatus status, int page, int size) {
        String where = " WHERE p.hospital_id = :h AND (CAST(:c AS bigint) IS NULL OR p.channel_id = :c)"
                + " AND (CAST(:s AS varchar) IS NULL OR p.status = :s)";
        String s = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM rectification_plan p" + where).param("h", hospitalId)
                .param("c", channelId).param("s", s).query(Long.class).single();
        List<Plan> items = jdbc.sql("SELECT " + COLUMNS + " FROM rectification_plan p" + where
                        + " ORDER BY p.opened_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .param("h", hospitalId).param("c", channelId).param("s", s).param("limit", size)
                .param("offset", (long) page * size).query(Plans::plan).list();
        return new Paged<>(items, page, size, total);
    }

    void changeStatus(long hospitalId, long id, PlanStatus to, Instant at, String by) {
        boolean closes = !to.live();
        jdbc.sql("""
                        UPDATE rectification_plan SET status = :s,
                            closed_at = CASE WHEN :closes THEN CAST(:at AS timestamptz) END,
                            closed_by = CASE WHEN :closes THEN CAST(:by AS varchar) END
                        WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id).param("s", to.name()).param("closes", closes)
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).update();
    }

    // ---- actions ------------------------------------------------------------------------------

    long insertAction(long hospitalId, long planId, String description, String owner, LocalDate due) {
        return jdbc.sql("""
                        INSERT INTO rectification_action (hospital_id, plan_id, description, owner, due_date, status)
                        VALUES (:h, :p, :d, :o, :due, 'OPEN') RETURNING id""")
                .param("h", hospitalId).param("p", planId).param("d", description).param("o", owner)
                .param("due", due).query(Long.class).single();
    }

    List<PlanAction> actions(long hospitalId, long planId) {
        return jdbc.sql("""
                        SELECT id, plan_id, description, owner, due_date, status, done_at, done_by
                        FROM rectification_action WHERE hospital_id = :h AND plan_id = :p ORDER BY due_date, id""")
                .param("h", hospitalId).param("p", planId).query(Plans::action).list();
    }

    void markDone(long hospitalId, long actionId, Instant at, String by) {
        jdbc.sql("""
                        UPDATE rectification_action SET status = 'DONE', done_at = :at, done_by = :by
                        WHERE hospital_id = :h AND id = :id AND status = 'OPEN'""")
                .param("h", hospitalId).param("id", actionId).param("at", at.atOffset(ZoneOffset.UTC))
                .param("by", by).update();
    }

    /** Open actions of live plans due before {@code today}, most overdue first. */
    List<OverdueAction> overdue(long hospitalId, Long channelId, LocalDate today, int limit) {
        return openActions(hospitalId, channelId, today, today, false, limit);
    }

    /**
     * Open actions of live plans due before {@code before}, the earliest due first, each with its days late on
     * {@code today} (negative: days left); only those not yet told overdue when {@code untold}.
     */
    List<OverdueAction> openActions(long hospitalId, Long channelId, LocalDate before, LocalDate today,
                                    boolean untold, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        , a.id AS a_id, a.plan_id, a.description, a.owner, a.due_date, a.status AS a_status,
                          a.done_at, a.done_by
                        FROM rectification_action a
                        JOIN rectification_plan p ON p.hospital_id = a.hospital_id AND p.id = a.plan_id
                        WHERE a.hospital_id = :h AND a.status = 'OPEN' AND a.due_date < :before
                          AND p.status IN ('OPEN', 'IN_PROGRESS')
                          AND (CAST(:c AS bigint) IS NULL OR p.channel_id = :c)
                          AND (NOT :untold OR a.overdue_told_at IS NULL)
                        ORDER BY a.due_date, a.id LIMIT :limit""")
                .param("h", hospitalId).param("c", channelId).param("before", before).param("untold", untold)
                .param("limit", limit)
                .query((rs, i) -> {
                    PlanAction a = new PlanAction(rs.getLong("a_id"), rs.getLong("plan_id"),
                            rs.getString("description"), rs.getString("owner"),
                            rs.getObject("due_date", LocalDate.class), false, null, null);
                    return new OverdueAction(a, plan(rs, i),
                            java.time.temporal.ChronoUnit.DAYS.between(a.dueDate(), today));
                }).list();
    }

    /** Records that these actions were told overdue, so that they are told once. */
    void markToldOverdue(long hospitalId, List<Long> actionIds, Instant at) {
        if (actionIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE rectification_action SET overdue_told_at = :at
                        WHERE hospital_id = :h AND id IN (:ids) AND overdue_told_at IS NULL""")
                .param("h", hospitalId).param("ids", actionIds).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    long countOverdue(long hospitalId, Long channelId, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) FROM rectification_action a
                        JOIN rectification_plan p ON p.hospital_id = a.hospital_id AND p.id = a.plan_id
                        WHERE a.hospital_id = :h AND a.status = 'OPEN' AND a.due_date < :today
                          AND p.status IN ('OPEN', 'IN_PROGRESS')
                          AND (CAST(:c AS bigint) IS NULL OR p.channel_id = :c)""")
                .param("h", hospitalId).param("c", channelId).param("today", today).query(Long.class).single();
    }

    // ---- notes --------------------------------------------------------------------------------

    void insertNote(long hospitalId, long planId, String body, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO rectification_note (hospital_id, plan_id, body, written_at, written_by)
                        VALUES (:h, :p, :b, :at, :by)""")
                .param("h", hospitalId).param("p", planId).param("b", body).param("at", at.atOffset(ZoneOffset.UTC))
                .param("by", by).update();
    }

    List<Note> notes(long hospitalId, long planId) {
        return jdbc.sql("""
                        SELECT id, plan_id, body, written_at, written_by FROM rectification_note
                        WHERE hospital_id = :h AND plan_id = :p ORDER BY written_at, id""")
                .param("h", hospitalId).param("p", planId)
                .query((rs, i) -> new Note(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("body"),
                        rs.getObject("written_at", OffsetDateTime.class), rs.getString("written_by"))).list();
    }

    private static PlanAction action(ResultSet rs, int i) throws SQLException {
        return new PlanAction(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("description"),
                rs.getString("owner"), rs.getObject("due_date", LocalDate.class), "DONE".equals(rs.getString("status")),
                rs.getObject("done_at", OffsetDateTime.class), rs.getString("done_by"));
    }

    private static Plan plan(ResultSet rs, int i) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("channel_code"),
                rs.getString("channel_name"), rs.getLong("evaluation_id"), rs.getString("period"),
                UnitType.valueOf(rs.getString("unit_type")), rs.getString("grounds"), rs.getString("title"),
                PlanStatus.valueOf(rs.getString("status")), rs.getObject("opened_at", OffsetDateTime.class),
                rs.getString("opened_by"), rs.getObject("closed_at", OffsetDateTime.class), rs.getString("closed_by"));
    }
}
