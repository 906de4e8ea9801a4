package org.meridian.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.db.ById;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.ChannelDirectory;
import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The channel table, always filtered by hospital. */
@Repository
class Channels {

    private static final String COLUMNS = """
            c.id, c.code, c.name, c.type, c.cooperation_level, c.status, c.tier, c.region, c.address, c.contact_name,
            c.contact_phone, c.contract_start, c.contract_end, c.contract_ref, c.notes, c.created_at, c.updated_at""";

    private final JdbcClient jdbc;

    Channels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Channel> findByCode(long hospitalId, String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel c WHERE c.hospital_id = :h AND c.code = :code")
                .param("h", hospitalId).param("code", code).query(Channels::map).optional();
    }

    /** Code → name of those of {@code codes} registered in the hospital. */
    java.util.Map<String, String> names(long hospitalId, java.util.Collection<String> codes) {
        if (codes.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT code, name FROM channel WHERE hospital_id = :h AND code IN (:codes)")
                .param("h", hospitalId).param("codes", java.util.List.copyOf(codes))
                .query((rs, i) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    Optional<Channel> findById(long hospitalId, long id) {
        return ById.find(jdbc, "SELECT " + COLUMNS + " FROM channel c", hospitalId, id, Channels::map);
    }

    /** Locks the row for the rest of the transaction, so concurrent status and tier changes queue up. */
    Optional<Channel> lock(long hospitalId, long id) {
        return ById.lock(jdbc, "SELECT " + COLUMNS + " FROM channel c", hospitalId, id, Channels::map);
    }

    /** {@link #lock} by the channel's code. */
    Optional<Channel> lockByCode(long hospitalId, String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel c WHERE c.hospital_id = :h AND c.code = :code FOR UPDATE")
                .param("h", hospitalId).param("code", code).query(Channels::map).optional();
    }

    boolean codeTaken(long hospitalId, String code) {
        return jdbc.sql("SELECT count(*) FROM channel WHERE hospital_id = :h AND code = :code")
                .param("h", hospitalId).param("code", code).query(Long.class).single() > 0;
    }

    long insert(long hospitalId, ChannelDraft.Fields f) {
        return jdbc.sql("""
                        INSERT INTO channel (hospital_id, code, name, type, cooperation_level, status, region, address,
                            contact_name, contact_phone, contract_start, contract_end, contract_ref, notes)
                        VALUES (:h, :code, :name, :type, :level, :status, :region, :address, :contactName,
                            :contactPhone, :start, :end, :ref, :notes)
                        RETURNING id""")
                .param("h", hospitalId).param("code", f.code()).params(fieldParams(f))
                .param("status", f.status().name())
                .query(Long.class).single();
    }

    void update(long hospitalId, long id, ChannelDraft.Fields f) {
        jdbc.sql("""
                        UPDATE channel SET name = :name, type = :type, cooperation_level = :level, region = :region,
                            address = :address, contact_name = :contactName, contact_phone = :contactPhone,
                            contract_start = :start, contract_end = :end, contract_ref = :ref, notes = :notes,
                            updated_at = now()
                        WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id).params(fieldParams(f)).update();
    }

    void setStatus(long hospitalId, long id, ChannelStatus status) {
        jdbc.sql("UPDATE channel SET status = :s, updated_at = now() WHERE hospital_id = :h AND id = :id")
                .param("s", status.name()).param("h", hospitalId).param("id", id).update();
    }

    void setTier(long hospitalId, long id, String tier) {
        jdbc.sql("UPDATE channel SET tier = :t, updated_at = now() WHERE hospital_id = :h AND id = :id")
                .param("t", tier).param("h", hospitalId).param("id", id).update();
    }

    void insertStatusChange(long hospitalId, long channelId, ChannelStatus from, ChannelStatus to, String reason,
                            String actor) {
        jdbc.sql("""
                        INSERT INTO channel_status_change (hospital_id, channel_id, from_status, to_status, reason, changed_by)
                        VALUES (:h, :c, :from, :to, :reason, :actor)""")
                .param("h", hospitalId).param("c", channelId).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("reason", reason).param("actor", actor).update();
    }

    List<StatusChange> statusHistory(long hospitalId, long channelId) {
        return jdbc.sql("""
                        SELECT id, from_status, to_status, reason, changed_by, changed_at FROM channel_status_change
                        WHERE hospital_id = :h AND channel_id = :c ORDER BY changed_at DESC, id DESC""")
                .param("h", hospitalId).param("c", channelId)
                .query((rs, i) -> new StatusChange(rs.getLong(1),
                        rs.getString(2) == null ? null : ChannelStatus.valueOf(rs.getString(2)),
                        ChannelStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    List<Channel> evaluable(long hospitalId, UnitType type) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel c WHERE c.hospital_id = :h AND c.type = :type"
                        + " AND c.status IN (:evaluable) ORDER BY c.code")
                .param("h", hospitalId).param("type", type.name())
                .param("evaluable", ChannelStatus.EVALUABLE.stream().map(ChannelStatus::name).toList())
                .query(Channels::map).list();
    }

    /** Every channel of the hospital, by code, as the account form offers them for binding a channel user. */
    List<ChannelDirectory.Choice> choices(long hospitalId) {
        return jdbc.sql("SELECT id, code, name FROM channel WHERE hospital_id = :h ORDER BY code")
                .param("h", hospitalId)
                .query((rs, n) -> new ChannelDirectory.Choice(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    long count(long hospitalId) {
        return jdbc.sql("SELECT count(*) FROM channel WHERE hospital_id = :h").param("h", hospitalId)
                .query(Long.class).single();
    }

    /**
     * How many channels in the statuses hold each tier (null: not tiered yet), for the tier distribution on the
     * home page.
     */
    Map<String, Long> countByTier(long hospitalId, java.util.Set<ChannelStatus> statuses) {
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT tier, count(*) FROM channel WHERE hospital_id = :h AND status IN (:statuses) GROUP BY tier")
                .param("h", hospitalId).param("statuses", statuses.stream().map(Enum::name).toList())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    result.put(rs.getString(1), rs.getLong(2));
                });
        return result;
    }

    long countByStatus(long hospitalId, ChannelStatus status) {
        return jdbc.sql("SELECT count(*) FROM channel WHERE hospital_id = :h AND status = :s")
                .param("h", hospitalId).param("s", status.name()).query(Long.class).single();
    }

    Paged<Channel> search(long hospitalId, ChannelQuery q, LocalDate today) {
        StringBuilder where = new StringBuilder(" WHERE c.hospital_id = :h");
        Map<String, Object> params = new HashMap<>();
        params.put("h", hospitalId);
        if (q.q() != null) {
            where.append(" AND (c.code ILIKE :q OR c.name ILIKE :q OR c.contact_name ILIKE :q OR c.address ILIKE :q"
                    + " OR c.region ILIKE :q)");
            params.put("q", "%" + likeEscape(q.q()) + "%");
        }
        if (q.type() != null) {
            where.append(" AND c.type = :type");
            params.put("type", q.type().name());
        }
        if (q.tier() != null) {
            if (ChannelQuery.NO_TIER.equals(q.tier())) {
                where.append(" AND c.tier IS NULL");
            } else {
                where.append(" AND c.tier = :tier");
                params.put("tier", q.tier());
            }
        }
        if (q.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", q.status().name());
        }
        if (q.region() != null) {
            where.append(" AND (c.region = :region OR c.region LIKE :regionPrefix)");
            params.put("region", q.region());
            params.put("regionPrefix", likeEscape(q.region()) + "/%");
        }
        if (q.cooperationLevel() != null) {
            where.append(" AND c.cooperation_level = :level");
            params.put("level", q.cooperationLevel().name());
        }
        if (q.contractEndsWithinDays() != null) {
            where.append(" AND c.status <> 'TERMINATED' AND c.contract_end BETWEEN :today AND :until");
            params.put("today", today);
            params.put("until", today.plusDays(q.contractEndsWithinDays()));
        }
        long total = jdbc.sql("SELECT count(*) FROM channel c" + where).params(params).query(Long.class).single();
        String order = " ORDER BY " + q.sort().column + (q.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST")
                + ", c.code";
        List<Channel> items = jdbc.sql("SELECT " + COLUMNS
                        + " FROM channel c LEFT JOIN channel_tier t ON t.hospital_id = c.hospital_id AND t.code = c.tier"
                        + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", q.size()).param("offset", (long) q.page() * q.size())
                .query(Channels::map).list();
        return new Paged<>(items, q.page(), q.size(), total);
    }

    /** Distinct region paths in use, with every ancestor (杭州市, 杭州市/西湖区, ...), for the filter. */
    List<String> regions(long hospitalId) {
        List<String> paths = jdbc.sql("SELECT DISTINCT region FROM channel WHERE hospital_id = :h AND region IS NOT NULL")
                .param("h", hospitalId).query(String.class).list();
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (String p : paths) {
            String[] parts = p.split("/");
            StringBuilder sb = new StringBuilder();
            for (String part : parts) {
                if (!sb.isEmpty()) {
                    sb.append('/');
                }
                sb.append(part);
                all.add(sb.toString());
            }
        }
        return new ArrayList<>(all);
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Map<String, Object> fieldParams(ChannelDraft.Fields f) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", f.name());
        m.put("type", f.type().name());
        m.put("level", f.cooperationLevel() == null ? null : f.cooperationLevel().name());
        m.put("region", f.region());
        m.put("address", f.address());
        m.put("contactName", f.contactName());
        m.put("contactPhone", f.contactPhone());
        m.put("start", f.contractStart());
        m.put("end", f.contractEnd());
        m.put("ref", f.contractRef());
        m.put("notes", f.notes());
        return m;
    }

    static Channel map(ResultSet rs, int row) throws SQLException {
        String level = rs.getString("cooperation_level");
        return new Channel(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                UnitType.valueOf(rs.getString("type")), level == null ? null : CooperationLevel.valueOf(level),
                ChannelStatus.valueOf(rs.getString("status")), rs.getString("tier"), rs.getString("region"),
                rs.getString("address"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getObject("contract_start", LocalDate.class), rs.getObject("contract_end", LocalDate.class),
                rs.getString("contract_ref"), rs.getString("notes"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
