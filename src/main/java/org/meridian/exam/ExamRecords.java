package org.meridian.exam;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exam records ({@code exam_record}) and their recordId index ({@code exam_record_key}). */
@Repository
class ExamRecords {

    private static final int CHUNK = 2_000;

    /** One patient and item: the records the rule looks at together. */
    record Pair(String patient, String item) {
    }

    /** A stored record with its id and current outcome. */
    record Stored(long id, ExamRecord record, Outcome outcome, Long earlier) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ExamRecords(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Serialises the region's batches, so each batch's duplicate check and detection see every earlier write. */
    void lock(long region) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('meridian.exam'), CAST(:r AS integer))").param("r", region)
                .query((rs, i) -> 1).list();
    }

    /** The stored records of these recordIds, by recordId. */
    Map<String, ExamRecord> byRecordId(long region, Collection<String> recordIds) {
        Map<String, ExamRecord> found = new HashMap<>();
        List<String> all = new ArrayList<>(recordIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("SELECT " + columns("r") + """
                             , r.id, r.outcome, r.earlier_id FROM exam_record_key k
                            JOIN exam_record r ON r.region_id = k.region_id AND r.patient = k.patient AND r.id = k.id
                            WHERE k.region_id = :r AND k.record_id IN (:ids)""")
                    .param("r", region).param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query((rs, i) -> stored(rs)).list()
                    .forEach(s -> found.put(s.record().recordId(), s.record()));
        }
        return found;
    }

    /** Stores new records (outcome NONE until detection runs) with their recordId keys. */
    void insert(long region, long hospitalId, List<ExamRecord> records, Instant at, String by) {
        if (records.isEmpty()) {
            return;
        }
        int n = records.size();
        String[] recordIds = new String[n];
        String[] patients = new String[n];
        Long[] institutions = new Long[n];
        String[] items = new String[n];
        String[] performed = new String[n];
        java.sql.Date[] months = new java.sql.Date[n];
        Boolean[] recognisable = new Boolean[n];
        String[] exceptions = new String[n];
        for (int i = 0; i < n; i++) {
            ExamRecord r = records.get(i);
            if (r.institution().hospitalId() != hospitalId) {
                throw new IllegalArgumentException("a record of another hospital's institution");
            }
            recordIds[i] = r.recordId();
            patients[i] = r.patient();
            institutions[i] = r.institution().unitId();
            items[i] = r.item();
            performed[i] = r.performedAt().toString();
            months[i] = java.sql.Date.valueOf(r.month());
            recognisable[i] = r.recognisable();
            exceptions[i] = r.exception();
        }
        template.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    WITH rows AS (
                      INSERT INTO exam_record (region_id, patient, record_id, hospital_id, institution_id, item,
                                               performed_at, month, recognisable, exception, received_at, received_by)
                      SELECT ?, u.patient, u.record_id, ?, u.institution, u.item, CAST(u.performed AS timestamptz),
                             u.month, u.recognisable, u.exception, ?, ?
                      FROM unnest(?, ?, ?, ?, ?, ?, ?, ?)
                           AS u (record_id, patient, institution, item, performed, month, recognisable, exception)
                      RETURNING region_id, record_id, patient, id)
                    INSERT INTO exam_record_key (region_id, record_id, patient, id) SELECT * FROM rows""")) {
                ps.setLong(1, region);
                ps.setLong(2, hospitalId);
                ps.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setString(4, by);
                ps.setArray(5, array(con, "varchar", recordIds));
                ps.setArray(6, array(con, "bpchar", patients));
                ps.setArray(7, array(con, "int8", institutions));
                ps.setArray(8, array(con, "varchar", items));
                ps.setArray(9, array(con, "text", performed));
                ps.setArray(10, array(con, "date", months));
                ps.setArray(11, array(con, "bool", recognisable));
                ps.setArray(12, array(con, "varchar", exceptions));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every record of these patient × item pairs, by pair. */
    Map<Pair, List<Stored>> ofPairs(long region, java.util.Set<Pair> pairs) {
        Map<Pair, List<Stored>> found = new HashMap<>();
        Map<String, List<String>> itemsByPatient = new HashMap<>();
        pairs.forEach(p -> itemsByPatient.computeIfAbsent(p.patient(), x -> new ArrayList<>()).add(p.item()));
        List<String> patients = new ArrayList<>(itemsByPatient.keySet());
        for (int from = 0; from < patients.size(); from += CHUNK) {
            List<String> chunk = patients.subList(from, Math.min(patients.size(), from + CHUNK));
            jdbc.sql("SELECT " + columns("r") + ", r.id, r.outcome, r.earlier_id FROM exam_record r "
                            + "WHERE r.region_id = :r AND r.patient IN (:p)")
                    .param("r", region).param("p", chunk).query((rs, i) -> stored(rs)).list()
                    .forEach(s -> {
                        Pair pair = new Pair(s.record().patient(), s.record().item());
                        if (pairs.contains(pair)) {
                            found.computeIfAbsent(pair, x -> new ArrayList<>()).add(s);
                        }
                    });
        }
        return found;
    }

    /** Every patient × item pair of the region with a record of this item. */
    List<Pair> pairsOfItem(long region, String item) {
        return jdbc.sql("SELECT DISTINCT patient FROM exam_record WHERE region_id = :r AND item = :i")
                .param("r", region).param("i", item).query((rs, i) -> new Pair(rs.getString(1), item)).list();
    }

    /** Writes changed outcomes: (patient, id, outcome, earlier id or null). */
    void updateOutcomes(long region, List<Stored> changed) {
        if (changed.isEmpty()) {
            return;
        }
        template.batchUpdate("UPDATE exam_record SET outcome = ?, earlier_id = ? "
                        + "WHERE region_id = ? AND patient = ? AND id = ?", changed, 1000,
                (ps, s) -> {
                    ps.setString(1, s.outcome().name());
                    ps.setObject(2, s.earlier());
                    ps.setLong(3, region);
                    ps.setString(4, s.record().patient());
                    ps.setLong(5, s.id());
                });
    }

    /** One figure row as counted: institution, item, month (null unless by month), records, repeats, same. */
    record Count(Institution institution, String item, LocalDate month, long records, long repeats, long same) {
    }

    /** A repeat as listed, with its earlier record. */
    record Listed(String recordId, Institution institution, String item, Instant performedAt, Outcome outcome,
                  Institution earlier, Instant earlierAt, String earlierRecordId) {
    }

    /**
     * Counts per institution and catalogue item (and month) of records performed in the months from–to; the
     * optional filters narrow to one hospital, one institution, one item, one alliance's members.
     */
    List<Count> counts(long region, LocalDate fromMonth, LocalDate toMonth, Long hospitalId, Institution institution,
                       String item, Long allianceId, boolean byMonth) {
        StringBuilder sql = new StringBuilder("SELECT r.hospital_id, r.institution_id, r.item, "
                + (byMonth ? "r.month" : "CAST(NULL AS date)") + """
                , count(*), count(*) FILTER (WHERE r.outcome = 'REPEAT'),
                  count(*) FILTER (WHERE r.outcome = 'SAME_INSTITUTION')
                FROM exam_record r JOIN exam_item i ON i.region_id = r.region_id AND i.code = r.item
                WHERE r.region_id = :r AND r.month BETWEEN :from AND :to""");
        Map<String, Object> params = new HashMap<>();
        params.put("r", region);
        params.put("from", fromMonth);
        params.put("to", toMonth);
        filters(sql, params, hospitalId, institution, item, allianceId);
        sql.append(" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Count(new Institution(rs.getLong(1), rs.getLong(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /**
     * Per hospital (and month) of the region: records of catalogue items performed in the months from–to, their
     * distinct patients, repeats and the repeats' price added up.
     */
    List<HospitalRepeats> hospitalTotals(long region, LocalDate fromMonth, LocalDate toMonth, boolean byMonth) {
        return jdbc.sql("SELECT r.hospital_id, " + (byMonth ? "r.month" : "CAST(NULL AS date)") + """
                        , count(*), count(DISTINCT r.patient), count(*) FILTER (WHERE r.outcome = 'REPEAT'),
                          coalesce(sum(i.price) FILTER (WHERE r.outcome = 'REPEAT'), 0)
                        FROM exam_record r JOIN exam_item i ON i.region_id = r.region_id AND i.code = r.item
                        WHERE r.region_id = :r AND r.month BETWEEN :from AND :to
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("r", region).param("from", fromMonth).param("to", toMonth)
                .query((rs, i) -> {
                    LocalDate month = rs.getObject(2, LocalDate.class);
                    return new HospitalRepeats(rs.getLong(1), month == null ? null : java.time.YearMonth.from(month),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6));
                }).list();
    }

    /** One page of the repeats (both kinds unless {@code outcome} says) of the months from–to, latest first. */
    List<Listed> repeats(long region, LocalDate fromMonth, LocalDate toMonth, long hospitalId, Institution institution,
                         String item, Outcome outcome, long offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.record_id, r.hospital_id, r.institution_id, r.item, r.performed_at, r.outcome,
                       e.hospital_id, e.institution_id, e.performed_at,
                       CASE WHEN e.hospital_id = r.hospital_id THEN e.record_id END
                FROM exam_record r
                LEFT JOIN exam_record e ON e.region_id = r.region_id AND e.patient = r.patient AND e.id = r.earlier_id
                """);
        Map<String, Object> params = new HashMap<>();
        repeatWhere(sql, params, region, fromMonth, toMonth, hospitalId, institution, item, outcome);
        sql.append(" ORDER BY r.performed_at DESC, r.id DESC OFFSET :offset LIMIT :limit");
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
            OffsetDateTime earlierAt = rs.getObject(9, OffsetDateTime.class);
            return new Listed(rs.getString(1), new Institution(rs.getLong(2), rs.getLong(3)), rs.getString(4),
                    rs.getObject(5, OffsetDateTime.class).toInstant(), Outcome.valueOf(rs.getString(6)),
                    earlierAt == null ? null : new Institution(rs.getLong(7), rs.getLong(8)),
                    earlierAt == null ? null : earlierAt.toInstant(), rs.getString(10));
        }).list();
    }

    long countRepeats(long region, LocalDate fromMonth, LocalDate toMonth, long hospitalId, Institution institution,
                      String item, Outcome outcome) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM exam_record r ");
        Map<String, Object> params = new HashMap<>();
        repeatWhere(sql, params, region, fromMonth, toMonth, hospitalId, institution, item, outcome);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void repeatWhere(StringBuilder sql, Map<String, Object> params, long region, LocalDate fromMonth,
                                    LocalDate toMonth, long hospitalId, Institution institution, String item,
                                    Outcome outcome) {
        sql.append(" WHERE r.region_id = :r AND r.month BETWEEN :from AND :to AND r.outcome IN (:outcomes)");
        params.put("r", region);
        params.put("from", fromMonth);
        params.put("to", toMonth);
        params.put("outcomes", outcome == null ? List.of(Outcome.REPEAT.name(), Outcome.SAME_INSTITUTION.name())
                : List.of(outcome.name()));
        filters(sql, params, hospitalId, institution, item, null);
    }

    private static void filters(StringBuilder sql, Map<String, Object> params, Long hospitalId,
                                Institution institution, String item, Long allianceId) {
        if (hospitalId != null) {
            sql.append(" AND r.hospital_id = :h");
            params.put("h", hospitalId);
        }
        if (institution != null) {
            sql.append(" AND r.hospital_id = :ih AND r.institution_id = :ii");
            params.put("ih", institution.hospitalId());
            params.put("ii", institution.unitId());
        }
        if (item != null) {
            sql.append(" AND r.item = :item");
            params.put("item", item);
        }
        if (allianceId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM alliance_member m WHERE m.region_id = r.region_id"
                    + " AND m.alliance_id = :a AND m.hospital_id = r.hospital_id"
                    + " AND m.institution_id = r.institution_id)");
            params.put("a", allianceId);
        }
    }

    private static Array array(Connection con, String type, Object[] values) throws SQLException {
        return con.createArrayOf(type, values);
    }

    private static String columns(String a) {
        return a + ".record_id, " + a + ".hospital_id, " + a + ".institution_id, " + a + ".patient, " + a + ".item, "
                + a + ".performed_at, " + a + ".month, " + a + ".recognisable, " + a + ".exception";
    }

    private static Stored stored(java.sql.ResultSet rs) throws SQLException {
        ExamRecord r = new ExamRecord(rs.getString(1), new Institution(rs.getLong(2), rs.getLong(3)), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, LocalDate.class), rs.getBoolean(8), rs.getString(9));
        long earlier = rs.getLong(12);
        return new Stored(rs.getLong(10), r, Outcome.valueOf(rs.getString(11)), rs.wasNull() ? null : earlier);
    }
}
