package org.meridian.intake;

import org.meridian.shared.db.BinaryCopyRows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored events of every hospital. */
@Repository
class Events {

    private static final String COLUMNS = "event_id, type, channel_id, occurred_at, local_date, referral_id,"
            + " patient_hash, value, attributes::text, voided_at IS NOT NULL ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    Events(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Serialises intake writes of one hospital until the transaction ends, so rule checks see every prior write. */
    void lockHospital(long hospitalId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('meridian.intake'), CAST(:h AS integer))")
                .param("h", hospitalId).query((rs, i) -> 1).list();
    }

    Map<String, StoredEvent> findByEventIds(long hospitalId, Collection<String> eventIds) {
        Map<String, StoredEvent> found = new HashMap<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        // one index lookup per id, whatever the statistics say: see livePairMembers
        jdbc.sql("SELECT x.* FROM unnest(CAST(:ids AS text[])) AS wanted(id) CROSS JOIN LATERAL (SELECT " + COLUMNS
                        + " FROM intake_event WHERE hospital_id = :h AND event_id = wanted.id LIMIT 1) x")
                .param("h", hospitalId).param("ids", eventIds.toArray(String[]::new))
                .query(this::map).list().forEach(e -> found.put(e.eventId(), e));
        return found;
    }

    Optional<StoredEvent> findByEventId(long hospitalId, String eventId) {
        if (!EventValidator.isStorable(eventId)) {
            return Optional.empty(); // never stored, and PostgreSQL would refuse the text in a query too
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_event WHERE hospital_id = :h AND event_id = :id")
                .param("h", hospitalId).param("id", eventId).query(this::map).optional();
    }

    /**
     * The live REFERRAL and ACCEPTED events of the given referralIds: one lookup in the live-pair index per id
     * (at most two rows each). Written as a lateral subquery with a limit so that the planner cannot turn it into
     * a scan of the hospital's whole index filtered by the id list: with {@code referral_id = ANY(:ids)} and no
     * statistics yet (a fresh or fast-growing table) it did exactly that, measured at 23 s for a batch of 5,000
     * referralIds over 500,000 events instead of 26 ms.
     */
    List<StoredEvent> livePairMembers(long hospitalId, Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT x.* FROM unnest(CAST(:ids AS text[])) AS wanted(id) CROSS JOIN LATERAL (SELECT "
                        + COLUMNS + """
                         FROM intake_event WHERE hospital_id = :h AND referral_id = wanted.id
                         AND voided_at IS NULL AND type IN ('REFERRAL', 'ACCEPTED') LIMIT 2) x""")
                .param("h", hospitalId).param("ids", referralIds.toArray(String[]::new))
                .query(this::map).list();
    }

    record NewEvent(StoredEvent event, String source, Long importId, String receivedBy) {
    }

    /**
     * New events already in {@code COPY}'s binary form, each row a slice of one buffer: encoded before the
     * hospital's write lock is taken, so that the locked part of a batch only sends the accepted slices.
     */
    static final class EncodedRows {
        private final BinaryCopyRows rows;
        private final int[] start;
        private final int[] end;

        private EncodedRows(BinaryCopyRows rows, int[] start, int[] end) {
            this.rows = rows;
            this.start = start;
            this.end = end;
        }
    }

    /** Encodes the candidates (null entries are rows that will not be stored); positions follow the list. */
    EncodedRows encode(long hospitalId, List<NewEvent> candidates) {
        BinaryCopyRows rows = new BinaryCopyRows(candidates.size() * 320);
        int[] start = new int[candidates.size()];
        int[] end = new int[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            NewEvent n = candidates.get(i);
            start[i] = rows.length();
            if (n != null) {
                EventContent c = n.event().content();
                rows.row(13).int8(hospitalId).text(n.event().eventId()).text(c.type().name()).int8(c.channelId())
                        .timestamptz(c.occurredAt()).date(n.event().localDate()).text(c.referralId())
                        .text(c.patientHash()).numeric(c.value()).jsonb(jsonObject(c.attributes())).text(n.source())
                        .int8OrNull(n.importId()).text(n.receivedBy());
            }
            end[i] = rows.length();
        }
        return new EncodedRows(rows, start, end);
    }

    /**
     * Stores the encoded rows at the given positions (ascending) with one binary {@code COPY} on the transaction's
     * connection: one round trip, no per-row statement and no text for the server to parse, so a batch of 10,000
     * costs little more than the rows themselves. The table's constraints and unique indexes apply exactly as to
     * an INSERT, and the rows are part of the surrounding transaction.
     */
    void insert(EncodedRows encoded, List<Integer> positions) {
        if (positions.isEmpty()) {
            return;
        }
        byte[] bytes = encoded.rows.bytes();
        DataSource dataSource = template.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY intake_event (hospital_id, event_id, type, channel_id, occurred_at, local_date, referral_id,
                        patient_hash, value, attributes, source, import_id, received_by) FROM STDIN (FORMAT binary)""");
            try {
                copy.writeToCopy(bytes, 0, BinaryCopyRows.HEADER_LENGTH);
                // consecutive positions go out as one slice
                for (int k = 0; k < positions.size(); ) {
                    int first = positions.get(k);
                    int last = first;
                    while (++k < positions.size() && positions.get(k) == last + 1) {
                        last++;
                    }
                    copy.writeToCopy(bytes, encoded.start[first], encoded.end[last] - encoded.start[first]);
                }
                copy.writeToCopy(BinaryCopyRows.TRAILER, 0, BinaryCopyRows.TRAILER.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw template.getExceptionTranslator().translate("COPY intake_event", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A JSON object of text values (RFC 8259 string escapes), as stored in the {@code attributes} column. */
    static String jsonObject(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder(32 * attributes.size()).append('{');
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            jsonString(out, a.getKey()).append(':');
            if (a.getValue() == null) {
                out.append("null");
            } else {
                jsonString(out, a.getValue());
            }
        }
        return out.append('}').toString();
    }

    private static StringBuilder jsonString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"');
    }

    long ofUnknownImports(long hospitalId) {
        return jdbc.sql("""
                        SELECT count(*) FROM intake_event e WHERE e.hospital_id = :h AND e.import_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM intake_import i WHERE i.hospital_id = e.hospital_id AND i.id = e.import_id)""")
                .param("h", hospitalId).query(Long.class).single();
    }

    void markVoided(long hospitalId, String eventId, String by, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE intake_event SET voided_at = :at, voided_by = :by, void_reason = :reason
                        WHERE hospital_id = :h AND event_id = :id AND voided_at IS NULL""")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by).param("reason", reason)
                .param("h", hospitalId).param("id", eventId).update();
    }

    /** One page of a channel's events over local dates from–to, the latest first (voided ones included). */
    org.meridian.shared.web.Paged<StoredEvent> ofChannel(long hospitalId, long channelId, LocalDate from, LocalDate to,
                                                         String type, int page, int size) {
        String where = " FROM intake_event WHERE hospital_id = :h AND channel_id = :c AND local_date BETWEEN :f AND :t"
                + " AND (:type = '' OR type = :type)";
        long total = jdbc.sql("SELECT COUNT(*)" + where).param("h", hospitalId).param("c", channelId)
                .param("f", from).param("t", to).param("type", type == null ? "" : type).query(Long.class).single();
        List<StoredEvent> rows = jdbc.sql("SELECT " + COLUMNS + where
                        + " ORDER BY occurred_at DESC, event_id LIMIT :size OFFSET :offset")
                .param("h", hospitalId).param("c", channelId).param("f", from).param("t", to)
                .param("type", type == null ? "" : type).param("size", size).param("offset", (long) page * size)
                .query(this::map).list();
        return new org.meridian.shared.web.Paged<>(rows, page, size, total);
    }

    private StoredEvent map(ResultSet rs, int i) throws SQLException {
        Map<String, String> attributes = json.readValue(rs.getString(9), new TypeReference<Map<String, String>>() {
        });
        BigDecimal value = rs.getBigDecimal(8);
        EventContent content = new EventContent(EventType.valueOf(rs.getString(2)), rs.getLong(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7), value, attributes);
        return new StoredEvent(rs.getString(1), content, rs.getObject(5, LocalDate.class), rs.getBoolean(10));
    }

    /**
     * The live pairs whose ACCEPTED precedes the REFERRAL or names another channel. Pairs are found by
     * grouping the live REFERRAL and ACCEPTED events by referralId (one scan, no self-join; see
     * {@link DailyRollups#recomputeFromEvents}).
     */
    List<EventIntake.PairProblem> pairProblems(long hospitalId) {
        return jdbc.sql("SELECT referral_id, referral_event, accepted_event, accepted_at < referred_at,"
                        + " accepted_channel <> referral_channel FROM (" + PAIRS + ") p"
                        + " WHERE referral_event IS NOT NULL AND accepted_event IS NOT NULL"
                        + " AND (accepted_at < referred_at OR accepted_channel <> referral_channel)"
                        + " ORDER BY referral_id")
                .param("h", hospitalId)
                .query((rs, i) -> new EventIntake.PairProblem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    /**
     * One row per referralId of the hospital ({@code :h}) with its live REFERRAL and ACCEPTED side by side
     * (either side null when missing): at most one live event of each type per referralId (engine.md §2,
     * backed by a unique index), so {@code min} picks that one.
     */
    static final String PAIRS = """
            SELECT referral_id,
              min(event_id) FILTER (WHERE type = 'REFERRAL') AS referral_event,
              min(channel_id) FILTER (WHERE type = 'REFERRAL') AS referral_channel,
              min(occurred_at) FILTER (WHERE type = 'REFERRAL') AS referred_at,
              min(local_date) FILTER (WHERE type = 'REFERRAL') AS referral_date,
              min(event_id) FILTER (WHERE type = 'ACCEPTED') AS accepted_event,
              min(channel_id) FILTER (WHERE type = 'ACCEPTED') AS accepted_channel,
              min(occurred_at) FILTER (WHERE type = 'ACCEPTED') AS accepted_at
            FROM intake_event
            WHERE hospital_id = :h AND voided_at IS NULL AND type IN ('REFERRAL', 'ACCEPTED')
            GROUP BY referral_id""";
}
