package org.meridian.exam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The region's alliances ({@code alliance}) and their members ({@code alliance_member}). */
@Repository
class Alliances {

    /** An alliance as stored. */
    record Row(long id, String code, String name) {
    }

    /** A member as stored. */
    record Member(long allianceId, Institution institution, boolean lead) {
    }

    private final JdbcClient jdbc;

    Alliances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> idOf(long region, String code) {
        return jdbc.sql("SELECT id FROM alliance WHERE region_id = :r AND code = :c").param("r", region)
                .param("c", code).query(Long.class).optional();
    }

    long insert(long region, String code, String name, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO alliance (region_id, code, name, created_at, created_by)
                        VALUES (:r, :c, :n, :at, :by) RETURNING id""")
                .param("r", region).param("c", code).param("n", name)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by)
                .query(Long.class).single();
    }

    void insertMember(long region, long allianceId, Institution i, boolean lead) {
        jdbc.sql("""
                        INSERT INTO alliance_member (region_id, alliance_id, hospital_id, institution_id, lead)
                        VALUES (:r, :a, :h, :i, :lead)""")
                .param("r", region).param("a", allianceId).param("h", i.hospitalId()).param("i", i.unitId())
                .param("lead", lead).update();
    }

    /** The region's alliances by code. */
    List<Row> all(long region) {
        return jdbc.sql("SELECT id, code, name FROM alliance WHERE region_id = :r ORDER BY code").param("r", region)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    List<Member> members(long region) {
        return jdbc.sql("""
                        SELECT alliance_id, hospital_id, institution_id, lead FROM alliance_member WHERE region_id = :r
                        ORDER BY alliance_id, NOT lead, hospital_id, institution_id""")
                .param("r", region)
                .query((rs, i) -> new Member(rs.getLong(1), new Institution(rs.getLong(2), rs.getLong(3)),
                        rs.getBoolean(4)))
                .list();
    }

    /** Which alliances each institution of the region belongs to. */
    Map<Institution, Set<Long>> memberships(long region) {
        Map<Institution, Set<Long>> m = new HashMap<>();
        members(region).forEach(x -> m.computeIfAbsent(x.institution(), k -> new HashSet<>()).add(x.allianceId()));
        return m;
    }
}
