package org.meridian.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The unit table, always filtered by hospital. */
@Repository
class Units {

    private static final String COLUMNS = """
            u.id, u.code, u.name, u.kind, u.type, u.status, p.code AS parent, u.head, u.open_beds, u.level,
            u.district, u.created_at, u.updated_at""";
    private static final String FROM =
            " FROM unit u LEFT JOIN unit p ON p.hospital_id = u.hospital_id AND p.id = u.parent_id";

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Unit> findByCode(long hospitalId, String code) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE u.hospital_id = :h AND u.code = :code")
                .param("h", hospitalId).param("code", code).query(Units::map).optional();
    }

    Optional<Unit> lockByCode(long hospitalId, String code) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE u.hospital_id = :h AND u.code = :code FOR UPDATE OF u")
                .param("h", hospitalId).param("code", code).query(Units::map).optional();
    }

    Optional<Long> idOf(long hospitalId, String code) {
        return jdbc.sql("SELECT id FROM unit WHERE hospital_id = :h AND code = :code")
                .param("h", hospitalId).param("code", code).query(Long.class).optional();
    }

    long insert(long hospitalId, UnitDraft.Fields f, Long parentId) {
        return jdbc.sql("""
                        INSERT INTO unit (hospital_id, code, name, kind, type, status, parent_id, head, open_beds, level,
                                          district)
                        VALUES (:h, :code, :name, :kind, :type, :status, :parent, :head, :beds, :level, :district)
                        RETURNING id""")
                .param("h", hospitalId).param("code", f.code()).param("name", f.name())
                .param("kind", f.kind().name()).param("type", f.type().name()).param("status", f.status().name())
                .param("parent", parentId).param("head", f.head()).param("beds", f.openBeds())
                .param("level", f.level()).param("district", f.district())
                .query(Long.class).single();
    }

    void update(long hospitalId, long id, UnitDraft.Fields f, Long parentId) {
        jdbc.sql("""
                        UPDATE unit SET name = :name, type = :type, status = :status, parent_id = :parent, head = :head,
                                        open_beds = :beds, level = :level, district = :district, updated_at = now()
                        WHERE hospital_id = :h AND id = :id""")
                .param("h", hospitalId).param("id", id).param("name", f.name()).param("type", f.type().name())
                .param("status", f.status().name()).param("parent", parentId).param("head", f.head())
                .param("beds", f.openBeds()).param("level", f.level()).param("district", f.district())
                .update();
    }

    /** Whether {@code ancestorId} is {@code id} itself or above it in the parent chain. */
    boolean isAncestorOrSelf(long hospitalId, long ancestorId, long id) {
        return jdbc.sql("""
                        WITH RECURSIVE up(id, parent_id) AS (
                            SELECT id, parent_id FROM unit WHERE hospital_id = :h AND id = :id
                            UNION SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
                                  WHERE u.hospital_id = :h)
                        SELECT count(*) FROM up WHERE id = :a""")
                .param("h", hospitalId).param("id", id).param("a", ancestorId).query(Long.class).single() > 0;
    }

    Paged<Unit> search(long hospitalId, UnitQuery q) {
        StringBuilder where = new StringBuilder(" WHERE u.hospital_id = :h");
        var params = new java.util.HashMap<String, Object>();
        params.put("h", hospitalId);
        if (q.kind() != null) {
            where.append(" AND u.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.type() != null) {
            where.append(" AND u.type = :type");
            params.put("type", q.type().name());
        }
        if (q.status() != null) {
            where.append(" AND u.status = :status");
            params.put("status", q.status().name());
        }
        if (q.q() != null) {
            where.append(" AND (u.code ILIKE :q OR u.name ILIKE :q)");
            params.put("q", "%" + q.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM unit u" + where).params(params).query(Long.class).single();
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        List<Unit> items = jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY u.code LIMIT :limit OFFSET :offset")
                .params(params).query(Units::map).list();
        return new Paged<>(items, q.page(), q.size(), total);
    }

    /** The units of a type whose status is one of {@code statuses}, by code. */
    List<UnitRef> ofType(long hospitalId, UnitType type, java.util.Collection<UnitStatus> statuses) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE u.hospital_id = :h AND u.type = :type"
                        + " AND u.status IN (:statuses) ORDER BY u.code")
                .param("h", hospitalId).param("type", type.name())
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Units::map).list().stream().map(Unit::ref).toList();
    }

    /** The units of these hospitals whose type is one of {@code types}, as short references, by hospital id. */
    Map<Long, List<UnitRef>> ofTypes(java.util.Collection<Long> hospitalIds, java.util.Collection<UnitType> types) {
        Map<Long, List<UnitRef>> out = new java.util.HashMap<>();
        if (hospitalIds.isEmpty() || types.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT u.hospital_id AS of_hospital, " + COLUMNS + FROM
                        + " WHERE u.hospital_id IN (:h) AND u.type IN (:types) ORDER BY u.hospital_id, u.code")
                .param("h", hospitalIds).param("types", types.stream().map(Enum::name).toList())
                .query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong("of_hospital"), k -> new ArrayList<>())
                            .add(map(rs, 0).ref());
                });
        return out;
    }

    /** Every unit of the hospital, as a short reference, by code. */
    List<UnitRef> all(long hospitalId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE u.hospital_id = :h ORDER BY u.code")
                .param("h", hospitalId).query(Units::map).list().stream().map(Unit::ref).toList();
    }

    /** The departments a department may be placed under (every department but itself), by code. */
    List<UnitRef> departments(long hospitalId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE u.hospital_id = :h AND u.kind = 'DEPARTMENT' ORDER BY u.code")
                .param("h", hospitalId).query(Units::map).list().stream().map(Unit::ref).toList();
    }

    List<Unit> children(long hospitalId, long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE u.hospital_id = :h AND u.parent_id = :p ORDER BY u.code")
                .param("h", hospitalId).param("p", parentId).query(Units::map).list();
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        Integer beds = (Integer) rs.getObject("open_beds");
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), UnitType.valueOf(rs.getString("type")),
                UnitStatus.valueOf(rs.getString("status")), rs.getString("parent"), rs.getString("head"), beds,
                rs.getString("level"), rs.getString("district"),
                rs.getObject("created_at", java.time.OffsetDateTime.class),
                rs.getObject("updated_at", java.time.OffsetDateTime.class));
    }
}
