package org.meridian.exam;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.db.BinaryCopyRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exam records ({@code exam_record}) and their recordId index ({@code exam_record_key}). */
@Repository
class ExamRecords {

    /** One patient and item: the records the rule looks at together. */
    record Pair(java.util.UUID patient, String item) {
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

    /**
     * The stored records of these recordIds, by recordId: one walk of {@code exam_record_key}'s primary key for all of
     * them ({@code record_id = ANY (…)}: the b-tree takes the sorted ids in one pass, where a probe per id cost a
     * subquery each), then the records of the keys found, one probe each (a batch of new records finds none).
     */
    Map<String, ExamRecord> byRecordId(long region, Collection<String> recordIds) {
        Map<String, ExamRecord> found = new HashMap<>();
        if (recordIds.isEmpty()) {
            return found;
        }
        template.execute((Connection con) -> {
            List<java.util.UUID> patients = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement(
                    "SELECT patient, id FROM exam_record_key WHERE region_id = ? AND record_id = ANY (?)")) {
                ps.setLong(1, region);
                ps.setArray(2, array(con, "varchar", recordIds.toArray()));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        patients.add(rs.getObject(1, java.util.UUID.class));
                        ids.add(rs.getLong(2));
                    }
                }
            }
            if (ids.isEmpty()) {
                return null;
            }
            try (PreparedStatement ps = con.prepareStatement("SELECT " + columns("r") + """
                    , r.id, r.outcome, r.earlier_id
                    FROM unnest(?, ?) AS k (patient, id)
                    CROSS JOIN LATERAL (SELECT * FROM exam_record x
                                        WHERE x.region_id = ? AND x.patient = k.patient AND x.id = k.id OFFSET 0) r""")) {
                ps.setArray(1, array(con, "uuid", patients.toArray()));
                ps.setArray(2, array(con, "int8", ids.toArray()));
                ps.setLong(3, region);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Stored s = stored(rs);
                        found.put(s.record().recordId(), s.record());
                    }
                }
            }
            return null;
        });
        return found;
    }

    /**
     * How many ids one {@code nextval} of {@code exam_record}'s identity sequence reserves: its increment (migration
     * {@code V20261206_1945}), so that the value returned and the {@code ID_BLOCK - 1} after it are this caller's.
     */
    static final int ID_BLOCK = 10_000;

    /**
     * {@code n} fresh record ids, ascending: one {@code nextval} of the table's identity sequence per block of
     * {@link #ID_BLOCK} (one call for a batch of up to 10,000 records).
     */
    long[] nextIds(int n) {
        if (n == 0) {
            return new long[0];
        }
        long[] starts = jdbc.sql("SELECT nextval(pg_get_serial_sequence('exam_record', 'id'))"
                        + " FROM generate_series(1, :blocks)")
                .param("blocks", (n + ID_BLOCK - 1) / ID_BLOCK).query(Long.class).list().stream()
                .mapToLong(Long::longValue).sorted().toArray();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = starts[i / ID_BLOCK] + i % ID_BLOCK;
        }
        return ids;
    }

    /**
     * Stores new records with their ids (from {@link #nextIds}) and outcomes as detection decided them, and their
     * recordId keys: two binary {@code COPY}s in the caller's transaction.
     */
    void insert(long region, long hospitalId, List<Stored> records, Instant at, String by) {
        if (records.isEmpty()) {
            return;
        }
        Instant received = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        BinaryCopyRows rows = new BinaryCopyRows(records.size() * 260);
        BinaryCopyRows keys = new BinaryCopyRows(records.size() * 120);
        for (Stored s : records) {
            ExamRecord r = s.record();
            if (r.institution().hospitalId() != hospitalId) {
                throw new IllegalArgumentException("a record of another hospital's institution");
            }
            rows.row(15).int8(region).uuid(r.patient()).int8(s.id()).text(r.recordId()).int8(hospitalId)
                    .int8(r.institution().unitId()).text(r.item()).timestamptz(r.performedAt()).date(r.month())
                    .bool(r.recognisable()).text(r.exception()).text(s.outcome().name()).int8OrNull(s.earlier())
                    .timestamptz(received).text(by);
            keys.row(4).int8(region).text(r.recordId()).uuid(r.patient()).int8(s.id());
        }
        rows.copy(template, """
                COPY exam_record (region_id, patient, id, record_id, hospital_id, institution_id, item, performed_at,
                                  month, recognisable, exception, outcome, earlier_id, received_at, received_by)
                FROM STDIN (FORMAT binary)""");
        keys.copy(template, "COPY exam_record_key (region_id, record_id, patient, id) FROM STDIN (FORMAT binary)");
    }

    /**
     * A stored record of a pair as the rule and the monthly figures see it: no recordId, no patient or item (the
     * pair's), the exception only as whether there is one.
     */
    record Member(long id, Institution institution, Instant performedAt, LocalDate month, boolean recognisable,
                  boolean excepted, Outcome outcome, Long earlier) {
    }

    /**
     * Every stored record of these patient × item pairs, by pair: one query, the pairs as two unnested arrays and one
     * probe of the primary key (region, patient, item, id) per pair. The probe is a lateral subquery kept apart from
     * the join ({@code OFFSET 0}), so that the planner cannot turn thousands of pairs into a scan of the region's
     * records. Each row names its pair by its place in the arrays and carries only what the rule and the figures
     * read, instants as microseconds and months as days, so that the answer is small and read without parsing text.
     */
    Map<Pair, List<Member>> ofPairs(long region, Collection<Pair> pairs) {
        Map<Pair, List<Member>> found = new HashMap<>();
        if (pairs.isEmpty()) {
            return found;
        }
        Pair[] byPlace = pairs.toArray(new Pair[0]);
        java.util.UUID[] patients = new java.util.UUID[byPlace.length];
        String[] items = new String[byPlace.length];
        for (int i = 0; i < byPlace.length; i++) {
            patients[i] = byPlace[i].patient();
            items[i] = byPlace[i].item();
        }
        template.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    SELECT p.n, r.id, r.hospital_id, r.institution_id,
                           CAST(extract(epoch FROM r.performed_at) * 1000000 AS bigint), r.month - DATE '1970-01-01',
                           r.recognisable, r.exception IS NOT NULL, r.outcome, r.earlier_id
                    FROM unnest(?, ?) WITH ORDINALITY AS p (patient, item, n)
                    CROSS JOIN LATERAL (SELECT * FROM exam_record x
                                        WHERE x.region_id = ? AND x.patient = p.patient AND x.item = p.item
                                        OFFSET 0) r""")) {
                ps.setArray(1, array(con, "uuid", patients));
                ps.setArray(2, array(con, "varchar", items));
                ps.setLong(3, region);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Pair pair = byPlace[rs.getInt(1) - 1];
                        long earlier = rs.getLong(10);
                        Long earlierId = rs.wasNull() ? null : earlier;
                        long micros = rs.getLong(5);
                        Member m = new Member(rs.getLong(2), new Institution(rs.getLong(3), rs.getLong(4)),
                                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                                        Math.floorMod(micros, 1_000_000L) * 1_000L),
                                LocalDate.ofEpochDay(rs.getInt(6)), rs.getBoolean(7), rs.getBoolean(8),
                                Outcome.valueOf(rs.getString(9)), earlierId);
                        found.computeIfAbsent(pair, x -> new ArrayList<>()).add(m);
                    }
                }
            }
            return null;
        });
        return found;
    }

    /** Every patient × item pair of the region with a record of this item. */
    List<Pair> pairsOfItem(long region, String item) {
        return jdbc.sql("SELECT DISTINCT patient FROM exam_record WHERE region_id = :r AND item = :i")
                .param("r", region).param("i", item).query((rs, i) -> new Pair(rs.getObject(1, java.util.UUID.class), item)).list();
    }

    /** A stored record's new outcome. */
    record Change(Pair pair, long id, Outcome outcome, Long earlier) {
    }

    /**
     * Writes changed outcomes (patient, item, id, outcome, earlier id or null) with one {@code UPDATE … FROM unnest},
     * one probe of the primary key {@code (region_id, patient, item, id)} per record.
     */
    void updateOutcomes(long region, List<Change> changed) {
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        java.util.UUID[] patients = new java.util.UUID[n];
        String[] items = new String[n];
        Long[] ids = new Long[n];
        String[] outcomes = new String[n];
        Long[] earlier = new Long[n];
        for (int i = 0; i < n; i++) {
            Change s = changed.get(i);
            patients[i] = s.pair().patient();
            items[i] = s.pair().item();
            ids[i] = s.id();
            outcomes[i] = s.outcome().name();
            earlier[i] = s.earlier();
        }
        template.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    UPDATE exam_record r SET outcome = u.outcome, earlier_id = u.earlier
                    FROM unnest(?, ?, ?, ?, ?) AS u (patient, item, id, outcome, earlier)
                    WHERE r.region_id = ? AND r.patient = u.patient AND r.item = u.item AND r.id = u.id""")) {
                ps.setArray(1, array(con, "uuid", patients));
                ps.setArray(2, array(con, "varchar", items));
                ps.setArray(3, array(con, "int8", ids));
                ps.setArray(4, array(con, "varchar", outcomes));
                ps.setArray(5, array(con, "int8", earlier));
                ps.setLong(6, region);
                int updated = ps.executeUpdate();
                if (updated != n) {
                    throw new IllegalStateException("updated " + updated + " exam records' outcomes of " + n);
                }
            }
            return null;
        });
    }

    /** One institution × item × month of the monthly figures ({@code exam_figure}). */
    record FigureKey(Institution institution, String item, LocalDate month) {
    }

    /**
     * Adds changes to the monthly figures: per key, records, repeats, same-institution repeats and distinct patients
     * to add (negative to take away). One {@code INSERT … ON CONFLICT DO UPDATE} from unnested arrays.
     */
    void addToFigures(long region, Map<FigureKey, long[]> changes) {
        List<Map.Entry<FigureKey, long[]>> rows = changes.entrySet().stream()
                .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0 || e.getValue()[2] != 0
                        || e.getValue()[3] != 0).toList();
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Long[] hospitalIds = new Long[n];
        Long[] institutions = new Long[n];
        String[] items = new String[n];
        java.sql.Date[] months = new java.sql.Date[n];
        Long[] records = new Long[n];
        Long[] repeats = new Long[n];
        Long[] same = new Long[n];
        Long[] patients = new Long[n];
        for (int i = 0; i < n; i++) {
            FigureKey k = rows.get(i).getKey();
            long[] d = rows.get(i).getValue();
            hospitalIds[i] = k.institution().hospitalId();
            institutions[i] = k.institution().unitId();
            items[i] = k.item();
            months[i] = java.sql.Date.valueOf(k.month());
            records[i] = d[0];
            repeats[i] = d[1];
            same[i] = d[2];
            patients[i] = d[3];
        }
        template.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO exam_figure AS f (hospital_id, region_id, month, institution_id, item, records,
                                                  repeats, same, patients)
                    SELECT u.hospital_id, ?, u.month, u.institution_id, u.item, u.records, u.repeats, u.same,
                           u.patients
                    FROM unnest(?, ?, ?, ?, ?, ?, ?, ?)
                         AS u (hospital_id, institution_id, item, month, records, repeats, same, patients)
                    ON CONFLICT (hospital_id, region_id, month, institution_id, item) DO UPDATE
                    SET records = f.records + EXCLUDED.records, repeats = f.repeats + EXCLUDED.repeats,
                        same = f.same + EXCLUDED.same, patients = f.patients + EXCLUDED.patients""")) {
                ps.setLong(1, region);
                ps.setArray(2, array(con, "int8", hospitalIds));
                ps.setArray(3, array(con, "int8", institutions));
                ps.setArray(4, array(con, "varchar", items));
                ps.setArray(5, array(con, "date", months));
                ps.setArray(6, array(con, "int8", records));
                ps.setArray(7, array(con, "int8", repeats));
                ps.setArray(8, array(con, "int8", same));
                ps.setArray(9, array(con, "int8", patients));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * One figure row as counted: institution, item, month (null unless by month), records, repeats, same, and the
     * distinct patients it is known to cover at least: exact for one month, the largest month's for several (a
     * patient seen in two months counts in both, so their sum may count one twice).
     */
    record Count(Institution institution, String item, LocalDate month, long records, long repeats, long same,
                 long patients) {
    }

    /** A repeat as listed, with its earlier record. */
    record Listed(String recordId, Institution institution, String item, Instant performedAt, Outcome outcome,
                  Institution earlier, Instant earlierAt, String earlierRecordId) {
    }

    /**
     * Which figures a read adds up: the months from–to (the first day of each), optionally only one hospital, one
     * institution, one catalogue item or one alliance's members, and per month too when {@code byMonth}.
     */
    record FigureQuery(LocalDate fromMonth, LocalDate toMonth, Long hospitalId, Institution institution, String item,
                       Long allianceId, boolean byMonth) {
    }

    /**
     * What every row of a {@link FigureQuery} adds up to, how many rows there are, and the patients they cover at
     * least (the largest row's).
     */
    record CountTotals(long rows, long records, long repeats, long same, BigDecimal avoidableCost, long patients) {
    }

    /**
     * Counts per institution and catalogue item (and month) of records performed in the months from–to, read from
     * the monthly figures, by hospital, institution, item and month.
     */
    List<Count> counts(long region, FigureQuery q) {
        return countRows(region, q, "", Map.of());
    }

    /**
     * The rows {@code offset} to {@code offset + limit} of {@link #counts}, in its order: sorted and cut by the
     * database, so that a page of a region's year reads 25 rows, not 33,000.
     */
    List<Count> counts(long region, FigureQuery q, long offset, int limit) {
        return countRows(region, q, " LIMIT :limit OFFSET :offset", Map.of("limit", limit, "offset", offset));
    }

    /**
     * How many rows {@link #counts} has and what they add up to (records, repeats, same-institution repeats and the
     * avoidable cost, each row's repeats at its item's price): one aggregate over the same rows.
     */
    CountTotals countTotals(long region, FigureQuery q) {
        Map<String, Object> params = new HashMap<>();
        String rows = countSql(region, q, params);
        return jdbc.sql("SELECT count(*), coalesce(sum(records), 0), coalesce(sum(repeats), 0),"
                        + " coalesce(sum(same), 0), coalesce(sum(cost), 0), coalesce(max(patients), 0)"
                        + " FROM (" + rows + ") g")
                .params(params)
                .query((rs, i) -> new CountTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getLong(6)))
                .single();
    }

    private List<Count> countRows(long region, FigureQuery q, String cut, Map<String, Object> cutParams) {
        Map<String, Object> params = new HashMap<>(cutParams);
        String sql = countSql(region, q, params) + " ORDER BY 1, 2, 3, 4" + cut;
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new Count(new Institution(rs.getLong(1), rs.getLong(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8)))
                .list();
    }

    /**
     * The figure rows of a query: hospital, institution, item, month (null unless by month), records, repeats,
     * same-institution repeats, the patients it covers at least (the largest month's) and the avoidable cost; a row
     * without records is left out.
     */
    private static String countSql(long region, FigureQuery q, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("SELECT r.hospital_id, r.institution_id, r.item, "
                + (q.byMonth() ? "r.month" : "CAST(NULL AS date)") + """
                 AS month, sum(r.records) AS records, sum(r.repeats) AS repeats, sum(r.same) AS same,
                       max(r.patients) AS patients, sum(r.repeats * i.price) AS cost
                FROM exam_figure r JOIN exam_item i ON i.region_id = r.region_id AND i.code = r.item
                WHERE r.region_id = :r AND r.month BETWEEN :from AND :to""");
        params.put("r", region);
        params.put("from", q.fromMonth());
        params.put("to", q.toMonth());
        filters(sql, params, q.hospitalId(), q.institution(), q.item(), q.allianceId());
        sql.append(" GROUP BY 1, 2, 3, 4 HAVING sum(r.records) > 0");
        return sql.toString();
    }

    /**
     * The periods whose distinct patients are kept per hospital and year ({@code exam_patient_count.period}), with
     * the months of the year they cover as bits (bit 0 January): the twelve months, four quarters, two halves and
     * the year.
     */
    static final Map<String, Integer> PATIENT_PERIODS = patientPeriods();

    private static Map<String, Integer> patientPeriods() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (int month = 1; month <= 12; month++) {
            m.put(String.format(java.util.Locale.ROOT, "M%02d", month), 1 << (month - 1));
        }
        for (int q = 1; q <= 4; q++) {
            m.put("Q" + q, 0b111 << (3 * (q - 1)));
        }
        m.put("H1", 0b111111);
        m.put("H2", 0b111111 << 6);
        m.put("Y", 0xFFF);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The kept period of the months from–to (a month, quarter, half or year of one year), or null. */
    static String patientPeriod(LocalDate fromMonth, LocalDate toMonth) {
        if (fromMonth.getYear() != toMonth.getYear() || toMonth.isBefore(fromMonth)) {
            return null;
        }
        int mask = 0;
        for (int m = fromMonth.getMonthValue(); m <= toMonth.getMonthValue(); m++) {
            mask |= 1 << (m - 1);
        }
        for (Map.Entry<String, Integer> e : PATIENT_PERIODS.entrySet()) {
            if (e.getValue() == mask) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * Keeps the distinct patients of catalogue items per hospital and period up to date for records of catalogue
     * items just stored (hospital, patient, month each): the months of each hospital × patient × year are kept as
     * bits ({@code exam_patient_year}, one index probe per hospital × patient × year), and a period's count
     * ({@code exam_patient_count}) grows by one for each patient whose first record of that hospital and period
     * this is. One statement.
     */
    void addPatients(long region, List<ExamRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        int n = records.size();
        Long[] hospitalIds = new Long[n];
        java.util.UUID[] patients = new java.util.UUID[n];
        java.sql.Date[] months = new java.sql.Date[n];
        for (int i = 0; i < n; i++) {
            ExamRecord r = records.get(i);
            hospitalIds[i] = r.institution().hospitalId();
            patients[i] = r.patient();
            months[i] = java.sql.Date.valueOf(r.month());
        }
        template.execute((Connection con) -> {
            String source = "unnest(?, ?, ?) AS u (hospital_id, patient, month)";
            try (PreparedStatement ps = con.prepareStatement(patientsSql(source))) {
                ps.setArray(1, array(con, "int8", hospitalIds));
                ps.setArray(2, array(con, "uuid", patients));
                ps.setArray(3, array(con, "date", months));
                ps.setLong(4, region);
                ps.setLong(5, region);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** {@link #addPatients} for every stored record of an item (one just added to the catalogue). */
    void addPatientsOfItem(long region, String item) {
        template.execute((Connection con) -> {
            String source = "(SELECT hospital_id, patient, month FROM exam_record"
                    + " WHERE region_id = ? AND item = ?) AS u";
            try (PreparedStatement ps = con.prepareStatement(patientsSql(source))) {
                ps.setLong(1, region);
                ps.setString(2, item);
                ps.setLong(3, region);
                ps.setLong(4, region);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Counts the distinct patients of every monthly figure row of an item (one just added to the catalogue, whose rows
     * the batches did not keep while it was outside): one {@code count(DISTINCT)} over the item's records.
     */
    void countFigurePatientsOfItem(long region, String item) {
        jdbc.sql("""
                        UPDATE exam_figure f SET patients = c.patients
                        FROM (SELECT hospital_id, month, institution_id, count(DISTINCT patient) AS patients
                              FROM exam_record WHERE region_id = :r AND item = :i
                              GROUP BY hospital_id, month, institution_id) c
                        WHERE f.region_id = :r AND f.item = :i AND f.hospital_id = c.hospital_id
                          AND f.month = c.month AND f.institution_id = c.institution_id""")
                .param("r", region).param("i", item).update();
    }

    private static String patientsSql(String source) {
        StringBuilder periods = new StringBuilder();
        PATIENT_PERIODS.forEach((code, mask) -> periods.append(periods.length() == 0 ? "" : ", ")
                .append("('").append(code).append("', ").append(mask).append(')'));
        // one probe of exam_patient_year per hospital × patient × year: the upsert keeps in `fresh` the months it
        // added, and returns the row only when it added any; the months before it are then `months & ~fresh`
        return """
                WITH added AS (
                    SELECT u.hospital_id, u.patient, CAST(extract(year FROM u.month) AS integer) AS year,
                           bit_or(1 << (CAST(extract(month FROM u.month) AS integer) - 1)) AS months
                    FROM %s
                    GROUP BY 1, 2, 3
                ), kept AS (
                    INSERT INTO exam_patient_year AS k (hospital_id, region_id, patient, year, months, fresh)
                    SELECT hospital_id, ?, patient, year, months, months FROM added
                    ON CONFLICT (hospital_id, region_id, patient, year) DO UPDATE
                    SET months = k.months | EXCLUDED.months, fresh = EXCLUDED.months & ~k.months
                    WHERE EXCLUDED.months & ~k.months <> 0
                    RETURNING k.hospital_id, k.year, k.months & ~k.fresh AS before, k.fresh AS added
                )
                INSERT INTO exam_patient_count AS c (hospital_id, region_id, year, period, patients)
                SELECT k.hospital_id, ?, k.year, p.period, count(*)
                FROM kept k JOIN (VALUES %s) AS p (period, mask)
                     ON k.before & p.mask = 0 AND k.added & p.mask <> 0
                GROUP BY k.hospital_id, k.year, p.period
                ON CONFLICT (hospital_id, region_id, year, period) DO UPDATE
                SET patients = c.patients + EXCLUDED.patients
                """.formatted(source, periods);
    }

    /**
     * Per hospital (and month) of the region: records of catalogue items performed in the months from–to, their
     * distinct patients, repeats and the repeats' price added up, by hospital (and month). Read from the monthly
     * figures and the kept patient counts ({@link #hospitalTotals(long, List, boolean)}); only a range that is no
     * month, quarter, half or year (never asked by the pages) counts the records.
     */
    List<HospitalRepeats> hospitalTotals(long region, LocalDate fromMonth, LocalDate toMonth, boolean byMonth) {
        if (byMonth) {
            List<Span> months = new ArrayList<>();
            for (LocalDate m = fromMonth; !m.isAfter(toMonth); m = m.plusMonths(1)) {
                months.add(new Span(m, m));
            }
            return hospitalTotals(region, months, true).stream().flatMap(List::stream)
                    .sorted(java.util.Comparator.comparingLong(HospitalRepeats::hospitalId)
                            .thenComparing(HospitalRepeats::month))
                    .toList();
        }
        if (patientPeriod(fromMonth, toMonth) == null) {
            return countedTotals(region, fromMonth, toMonth);
        }
        return hospitalTotals(region, List.of(new Span(fromMonth, toMonth)), false).get(0);
    }

    /** {@link #hospitalTotals(long, LocalDate, LocalDate, boolean)} of one hospital only when {@code hospitalId}. */
    List<HospitalRepeats> hospitalTotals(long region, LocalDate fromMonth, LocalDate toMonth, boolean byMonth,
                                         Long hospitalId) {
        return hospitalTotals(region, fromMonth, toMonth, byMonth).stream()
                .filter(t -> hospitalId == null || t.hospitalId() == hospitalId).toList();
    }

    /** The months from–to (the first day of each) of a month, quarter, half or year: a period of kept patients. */
    record Span(LocalDate fromMonth, LocalDate toMonth) {
        Span {
            if (patientPeriod(fromMonth, toMonth) == null) {
                throw new IllegalArgumentException(fromMonth + "–" + toMonth + " is no month, quarter, half or year");
            }
        }
    }

    /**
     * {@link #hospitalTotals(long, LocalDate, LocalDate, boolean)} for several spans at once, in one query over the
     * monthly figures (each figure row joined to the span of its month) and the kept patient counts (each span's
     * period): the rankings read a period and the one before, an institution's trend its twelve months, in one
     * reading. A list per span, in the spans' order, each by hospital; a hospital without records in a span is left
     * out of it. A row's {@code month} is its span's first month when {@code monthly}, else null.
     */
    List<List<HospitalRepeats>> hospitalTotals(long region, List<Span> spans, boolean monthly) {
        List<List<HospitalRepeats>> out = new ArrayList<>();
        spans.forEach(x -> out.add(new ArrayList<>()));
        if (spans.isEmpty()) {
            return out;
        }
        java.util.StringJoiner months = new java.util.StringJoiner(",", "{", "}");
        java.util.StringJoiner monthSpans = new java.util.StringJoiner(",", "{", "}");
        java.util.StringJoiner years = new java.util.StringJoiner(",", "{", "}");
        java.util.StringJoiner periods = new java.util.StringJoiner(",", "{", "}");
        LocalDate from = spans.get(0).fromMonth();
        LocalDate to = spans.get(0).toMonth();
        for (int n = 0; n < spans.size(); n++) {
            Span s = spans.get(n);
            for (LocalDate m = s.fromMonth(); !m.isAfter(s.toMonth()); m = m.plusMonths(1)) {
                months.add(m.toString());
                monthSpans.add(Integer.toString(n));
            }
            years.add(Integer.toString(s.fromMonth().getYear()));
            periods.add(patientPeriod(s.fromMonth(), s.toMonth()));
            from = s.fromMonth().isBefore(from) ? s.fromMonth() : from;
            to = s.toMonth().isAfter(to) ? s.toMonth() : to;
        }
        jdbc.sql("""
                        WITH m AS (SELECT * FROM unnest(CAST(:months AS date[]), CAST(:monthSpans AS integer[]))
                                   AS m (month, n)),
                             w AS (SELECT * FROM unnest(CAST(:years AS integer[]), CAST(:periods AS varchar[]))
                                   WITH ORDINALITY AS w (year, period, n)),
                             g AS (SELECT m.n, f.hospital_id, sum(f.records) AS records, sum(f.repeats) AS repeats,
                                          coalesce(sum(f.repeats * i.price) FILTER (WHERE f.repeats > 0), 0) AS cost
                                   FROM exam_figure f
                                   JOIN m ON m.month = f.month
                                   JOIN exam_item i ON i.region_id = f.region_id AND i.code = f.item
                                   WHERE f.region_id = :r AND f.month BETWEEN :from AND :to
                                   GROUP BY 1, 2 HAVING sum(f.records) > 0)
                        SELECT g.n, g.hospital_id, g.records, coalesce(c.patients, 0), g.repeats, g.cost
                        FROM g JOIN w ON w.n - 1 = g.n
                        LEFT JOIN exam_patient_count c ON c.hospital_id = g.hospital_id AND c.region_id = :r
                                                      AND c.year = w.year AND c.period = w.period
                        ORDER BY 1, 2""")
                .param("r", region).param("from", from).param("to", to).param("months", months.toString())
                .param("monthSpans", monthSpans.toString()).param("years", years.toString())
                .param("periods", periods.toString())
                .query(rs -> {
                    int n = rs.getInt(1);
                    out.get(n).add(new HospitalRepeats(rs.getLong(2),
                            monthly ? java.time.YearMonth.from(spans.get(n).fromMonth()) : null, rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6)));
                });
        return out;
    }

    /**
     * The distinct patients of catalogue items at any of these hospitals in the months of one year given as bits
     * (bit 0 January), from the months kept per hospital × patient × year: the exact count of a union that the kept
     * counts per hospital only bound (at least the largest, at most the sum).
     */
    long patientsOf(long region, java.util.Collection<Long> hospitalIds, int year, int months) {
        if (hospitalIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        SELECT count(DISTINCT patient) FROM exam_patient_year
                        WHERE region_id = :r AND hospital_id IN (:h) AND year = :y AND months & :m <> 0""")
                .param("r", region).param("h", hospitalIds).param("y", year).param("m", months)
                .query(Long.class).single();
    }

    /** {@link #hospitalTotals} for any range of months, counted from the records. */
    private List<HospitalRepeats> countedTotals(long region, LocalDate fromMonth, LocalDate toMonth) {
        return jdbc.sql("""
                        SELECT r.hospital_id, count(*), count(DISTINCT r.patient),
                               count(*) FILTER (WHERE r.outcome = 'REPEAT'),
                               coalesce(sum(i.price) FILTER (WHERE r.outcome = 'REPEAT'), 0)
                        FROM exam_record r JOIN exam_item i ON i.region_id = r.region_id AND i.code = r.item
                        WHERE r.region_id = :r AND r.month BETWEEN :from AND :to
                        GROUP BY 1 ORDER BY 1""")
                .param("r", region).param("from", fromMonth).param("to", toMonth)
                .query((rs, i) -> new HospitalRepeats(rs.getLong(1), null, rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getBigDecimal(5))).list();
    }

    /** One page of the repeats (both kinds unless {@code outcome} says) of the months from–to, latest first. */
    List<Listed> repeats(long region, LocalDate fromMonth, LocalDate toMonth, long hospitalId, Institution institution,
                         String item, Outcome outcome, long offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.record_id, r.hospital_id, r.institution_id, r.item, r.performed_at, r.outcome,
                       e.hospital_id, e.institution_id, e.performed_at,
                       CASE WHEN e.hospital_id = r.hospital_id THEN e.record_id END
                FROM exam_record r
                LEFT JOIN exam_record e ON e.region_id = r.region_id AND e.patient = r.patient AND e.item = r.item
                                       AND e.id = r.earlier_id
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
        // outcome <> 'NONE' exactly as the partial index exam_record_repeat_idx says, so that it serves the list
        sql.append(" WHERE r.region_id = :r AND r.outcome <> 'NONE' AND r.month BETWEEN :from AND :to"
                + " AND r.outcome IN (:outcomes)");
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
        ExamRecord r = new ExamRecord(rs.getString(1), new Institution(rs.getLong(2), rs.getLong(3)),
                rs.getObject(4, java.util.UUID.class),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, LocalDate.class), rs.getBoolean(8), rs.getString(9));
        long earlier = rs.getLong(12);
        return new Stored(rs.getLong(10), r, Outcome.valueOf(rs.getString(11)), rs.wasNull() ? null : earlier);
    }
}
