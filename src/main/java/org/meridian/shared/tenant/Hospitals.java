package org.meridian.shared.tenant;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hospitals (tenants) of this deployment. */
@Repository
public class Hospitals {

    private final JdbcClient jdbc;

    public Hospitals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Hospital> find(long id) {
        return jdbc.sql("SELECT id, code, name, time_zone FROM hospital WHERE id = :id").param("id", id)
                .query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4))))
                .optional();
    }

    public Optional<Hospital> findByCode(String code) {
        return jdbc.sql("SELECT id, code, name, time_zone FROM hospital WHERE code = :c").param("c", code)
                .query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4))))
                .optional();
    }

    /** The signed-in user's hospital. */
    public Hospital current() {
        long id = CurrentUser.hospitalId();
        return find(id).orElseThrow(() -> new IllegalStateException("hospital " + id + " does not exist"));
    }

    /** The region (区域) a hospital belongs to; region-wide data (exam records, alliances) is keyed by it. */
    public long regionOf(long hospitalId) {
        return jdbc.sql("SELECT region_id FROM hospital WHERE id = :id").param("id", hospitalId)
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("hospital " + hospitalId + " does not exist"));
    }

    public List<Hospital> all() {
        return jdbc.sql("SELECT id, code, name, time_zone FROM hospital ORDER BY id")
                .query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4))))
                .list();
    }

    public Hospital create(String code, String name, ZoneId zone) {
        long id = jdbc.sql("INSERT INTO hospital (code, name, time_zone) VALUES (:c, :n, :z) RETURNING id")
                .param("c", code).param("n", name).param("z", zone.getId()).query(Long.class).single();
        return new Hospital(id, code, name, zone);
    }
}
