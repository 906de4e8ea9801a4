package org.meridian.intake;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.meridian.shared.web.InputNumbers;
import org.meridian.shared.web.StorableText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import runs with their reports. Each call commits on its own, so progress survives a failed import. */
@Repository
class Imports {

    private static final String COLUMNS = "id, file_name, format, uploaded_by, started_at, finished_at, status,"
            + " rows_read, accepted, duplicates, rejected_count, rejected::text, failure, encoding, local_times, time_zone";

    /** Stands for the patient id of a rejected row, which is not kept. */
    static final String PATIENT_WITHHELD = "(withheld)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    Imports(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    long start(long hospitalId, String fileName, EventFile.Format format, String actor) {
        return jdbc.sql("""
                        INSERT INTO intake_import (hospital_id, file_name, format, uploaded_by, status)
                        VALUES (:h, :f, :fmt, :by, 'RUNNING') RETURNING id""")
                .param("h", hospitalId).param("f", fileName).param("fmt", format.name()).param("by", actor)
                .query(Long.class).single();
    }

    /** Keeps what reading the file found out: the encoding of a CSV file, the zone its local times are read in. */
    void read(long hospitalId, long id, org.meridian.shared.files.TextEncoding encoding, java.time.ZoneId zone) {
        jdbc.sql("UPDATE intake_import SET encoding = :e, time_zone = :z WHERE hospital_id = :h AND id = :id")
                .param("e", encoding == null ? null : encoding.label()).param("z", zone.getId())
                .param("h", hospitalId).param("id", id).update();
    }

    void progress(long hospitalId, long id, int rows, IngestReport sofar, int localTimes) {
        jdbc.sql("""
                        UPDATE intake_import SET rows_read = :rows, accepted = :a, duplicates = :d,
                          rejected_count = :r, rejected = CAST(:rejected AS jsonb), local_times = :local
                        WHERE hospital_id = :h AND id = :id""")
                .param("rows", rows).param("local", localTimes).param("a", sofar.accepted()).param("d", sofar.duplicates())
                .param("r", sofar.rejected().size())
                .param("rejected", json.writeValueAsString(sofar.rejected().stream().map(Imports::storable).toList()))
                .param("h", hospitalId).param("id", id).update();
    }

    void finish(long hospitalId, long id, String status, String failure) {
        jdbc.sql("""
                        UPDATE intake_import SET status = :s, failure = :failure, finished_at = now()
                        WHERE hospital_id = :h AND id = :id""")
                .param("s", status).param("failure", failure == null ? null : truncate(StorableText.shown(failure)))
                .param("h", hospitalId).param("id", id).update();
    }

    /** Every RUNNING import, in every hospital, FAILED with {@code failure}; answers how many. */
    int failRunning(String failure) {
        return jdbc.sql("""
                        UPDATE intake_import SET status = 'FAILED', failure = :failure, finished_at = now()
                        WHERE status = 'RUNNING'""")
                .param("failure", truncate(failure)).update();
    }

    List<EventImports.ImportRun> page(long hospitalId, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_import WHERE hospital_id = :h"
                        + " ORDER BY started_at DESC, id DESC LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("size", size).param("offset", (long) page * size)
                .query(this::run)
                .list();
    }

    java.util.Optional<EventImports.ImportRun> find(long hospitalId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_import WHERE hospital_id = :h AND id = :id")
                .param("h", hospitalId).param("id", id).query(this::run).optional();
    }

    /**
     * A rejected row as it can be kept: a row rejected for a NUL or a lone surrogate still has it in its eventId and in
     * its reasons (which quote the bad value), and PostgreSQL stores neither (found by IntakeHttpFuzzTest: the whole
     * import answered 500). Kept as shown, ␀ and � ({@link StorableText#shown}); so are its values.
     */
    static IngestReport.RejectedRow storable(IngestReport.RejectedRow r) {
        return new IngestReport.RejectedRow(r.index(), StorableText.shown(r.eventId()),
                r.errors().stream().map(StorableText::shown).toList());
    }

    /** Keeps the rejected rows of one chunk with their values as received (without the patient id), in one batch. */
    void saveRejections(long hospitalId, long id, List<IngestReport.RejectedRow> rejected, Map<Integer, RawEvent> rows) {
        List<Object[]> batch = new ArrayList<>(rejected.size());
        for (IngestReport.RejectedRow r : rejected) {
            RawEvent raw = rows.get(r.index());
            Map<String, String> values = new LinkedHashMap<>();
            if (raw != null) {
                values.put("eventId", raw.eventId());
                values.put("type", raw.type());
                values.put("channel", raw.channel());
                values.put("occurredAt", raw.occurredAt());
                values.put("referralId", raw.referralId());
                // a patient id is never kept in clear: only that the row had one
                values.put("patientId", raw.patientId() == null || raw.patientId().isBlank() ? null : PATIENT_WITHHELD);
                values.put("value", raw.value() instanceof BigDecimal b ? InputNumbers.asText(b) : asReceived(raw.value()));
                new TreeMap<>(raw.attributes()).forEach(values::put);
            }
            values.values().removeIf(java.util.Objects::isNull);
            Map<String, String> shown = new LinkedHashMap<>();
            values.forEach((k, v) -> shown.put(StorableText.shown(k), StorableText.shown(v)));
            IngestReport.RejectedRow kept = storable(r);
            batch.add(new Object[]{hospitalId, id, r.index(), kept.eventId(), json.writeValueAsString(shown),
                    json.writeValueAsString(kept.errors())});
        }
        if (!batch.isEmpty()) {
            template.batchUpdate("""
                    INSERT INTO intake_import_rejection (hospital_id, import_id, row_number, event_id, "values", reasons)
                    VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb)) ON CONFLICT DO NOTHING""", batch);
        }
    }

    List<IntakeQuality.Rejection> rejections(long hospitalId, long id, int page, int size) {
        return jdbc.sql("""
                        SELECT row_number, event_id, "values"::text, reasons::text FROM intake_import_rejection
                        WHERE hospital_id = :h AND import_id = :id ORDER BY row_number LIMIT :size OFFSET :offset""")
                .param("h", hospitalId).param("id", id).param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new IntakeQuality.Rejection(rs.getInt(1), rs.getString(2),
                        json.readValue(rs.getString(3), new TypeReference<LinkedHashMap<String, String>>() {
                        }),
                        json.readValue(rs.getString(4), new TypeReference<List<String>>() {
                        })))
                .list();
    }

    long countRejections(long hospitalId, long id) {
        return jdbc.sql("SELECT count(*) FROM intake_import_rejection WHERE hospital_id = :h AND import_id = :id")
                .param("h", hospitalId).param("id", id).query(Long.class).single();
    }

    List<EventImports.ImportRun> pageBetween(long hospitalId, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_import WHERE hospital_id = :h AND started_at >= :from"
                        + " AND started_at < :to ORDER BY started_at DESC, id DESC LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("from", from).param("to", to).param("size", size)
                .param("offset", (long) page * size)
                .query(this::run).list();
    }

    /** How many imports started from–to, and their rejected rows. */
    long[] countBetween(long hospitalId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT count(*), coalesce(sum(rejected_count), 0) FROM intake_import WHERE hospital_id = :h"
                        + " AND started_at >= :from AND started_at < :to")
                .param("h", hospitalId).param("from", from).param("to", to)
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    long count(long hospitalId) {
        return jdbc.sql("SELECT count(*) FROM intake_import WHERE hospital_id = :h").param("h", hospitalId)
                .query(Long.class).single();
    }

    private EventImports.ImportRun run(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new EventImports.ImportRun(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                json.readValue(rs.getString(12), new TypeReference<List<IngestReport.RejectedRow>>() {
                }), rs.getString(13), rs.getString(14), rs.getInt(15), rs.getString(16));
    }

    /** A value that is not a number is held in quotes for its reason ({@code ImportColumns.value}); here without. */
    private static String asReceived(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
