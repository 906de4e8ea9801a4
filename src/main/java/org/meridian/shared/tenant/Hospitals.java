package org.meridian.shared.tenant;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.UnitType;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.web.Paged;
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

    /** The hospitals of these ids that exist, by id: one query for many. */
    public java.util.Map<Long, Hospital> findAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, Hospital> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT id, code, name, time_zone FROM hospital WHERE id IN (:ids)").param("ids", ids)
                .query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4))))
                .list().forEach(h -> found.put(h.id(), h));
        return found;
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

    /** The name of the region (区域) a hospital belongs to. */
    public String regionName(long hospitalId) {
        return jdbc.sql("SELECT r.name FROM region r JOIN hospital h ON h.region_id = r.id WHERE h.id = :id")
                .param("id", hospitalId).query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("hospital " + hospitalId + " does not exist"));
    }

    /**
     * Names a region (the first start creates the one region as 本区域, "this region"; the demo names its own). No page
     * offers it yet: a region's name is set once, when the region is set up.
     */
    public void nameRegion(long regionId, String name) {
        jdbc.sql("UPDATE region SET name = :n WHERE id = :r").param("n", name).param("r", regionId).update();
    }

    public List<Hospital> all() {
        return jdbc.sql("SELECT id, code, name, time_zone FROM hospital ORDER BY id")
                .query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4))))
                .list();
    }

    private static final String PROFILE = "SELECT id, code, name, time_zone, region_id, type, level, district, demo "
            + "FROM hospital ";

    private static HospitalProfile profile(java.sql.ResultSet rs) throws java.sql.SQLException {
        String type = rs.getString(6);
        return new HospitalProfile(rs.getLong(1), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4)),
                rs.getLong(5), type == null ? null : UnitType.valueOf(type), rs.getString(7), rs.getString(8),
                rs.getBoolean(9));
    }

    /** A hospital of the region by its code; empty for an unknown code or a hospital of another region. */
    public Optional<HospitalProfile> findInRegion(long regionId, String code) {
        return jdbc.sql(PROFILE + "WHERE region_id = :r AND code = :c AND NOT region_centre").param("r", regionId)
                .param("c", code)
                .query((rs, i) -> profile(rs)).optional();
    }

    /** The profile of a hospital, of whatever region. */
    public Optional<HospitalProfile> profile(long id) {
        return jdbc.sql(PROFILE + "WHERE id = :id").param("id", id).query((rs, i) -> profile(rs)).optional();
    }

    /**
     * A page of the region's hospitals by code, narrowed by a text found in code or name (case-insensitive), a type
     * and a district (each optional).
     */
    public Paged<HospitalProfile> inRegion(long regionId, String text, UnitType type, String district, int page,
                                           int size) {
        Paged.check(page, size);
        String where = "WHERE region_id = :r AND NOT region_centre"
                + (text == null ? "" : " AND (lower(code) LIKE :t OR lower(name) LIKE :t)")
                + (type == null ? "" : " AND type = :type")
                + (district == null ? "" : " AND district = :d");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("r", regionId);
        if (text != null) {
            params.put("t", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (type != null) {
            params.put("type", type.name());
        }
        if (district != null) {
            params.put("d", district);
        }
        long total = jdbc.sql("SELECT count(*) FROM hospital " + where).params(params).query(Long.class).single();
        List<HospitalProfile> items = jdbc.sql(PROFILE + where + " ORDER BY code LIMIT :size OFFSET :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> profile(rs)).list();
        return new Paged<>(items, page, size, total);
    }

    /** The districts the region's hospitals name, in order. */
    public List<String> districts(long regionId) {
        return jdbc.sql("SELECT DISTINCT district FROM hospital WHERE region_id = :r AND district IS NOT NULL "
                + "AND NOT region_centre ORDER BY district").param("r", regionId).query(String.class).list();
    }

    /**
     * The hospitals of a region by code, without its evaluation centre (which is no hospital of the region, see
     * {@link #regionCentre(long)}).
     */
    public List<Hospital> ofRegion(long regionId) {
        return jdbc.sql("SELECT id, code, name, time_zone FROM hospital WHERE region_id = :r AND NOT region_centre "
                        + "ORDER BY code").param("r", regionId)
                .query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4))))
                .list();
    }

    /**
     * The region's evaluation centre (区域评价中心): the tenant in which the region keeps its own schemes for
     * institution types and runs its institution evaluations; empty while the region has none.
     */
    public Optional<Hospital> regionCentre(long regionId) {
        return jdbc.sql("SELECT id, code, name, time_zone FROM hospital WHERE region_id = :r AND region_centre")
                .param("r", regionId)
                .query((rs, i) -> new Hospital(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4))))
                .optional();
    }

    /** Whether the hospital is its region's evaluation centre rather than a hospital of the region. */
    public boolean isRegionCentre(long hospitalId) {
        return jdbc.sql("SELECT region_centre FROM hospital WHERE id = :id").param("id", hospitalId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Creates the region's evaluation centre (the code must not be taken, and the region must have none). */
    public Hospital createRegionCentre(long regionId, String code, String name, ZoneId zone) {
        long id = jdbc.sql("INSERT INTO hospital (code, name, time_zone, region_id, region_centre) "
                        + "VALUES (:c, :n, :z, :r, true) RETURNING id")
                .param("c", code).param("n", name).param("z", zone.getId()).param("r", regionId)
                .query(Long.class).single();
        return new Hospital(id, code, name, zone);
    }

    /** Creates a hospital of a region with its profile (the code must not be taken: the caller checks it). */
    public HospitalProfile create(long regionId, String code, String name, ZoneId zone, UnitType type, String level,
                                  String district, boolean demo) {
        long id = jdbc.sql("INSERT INTO hospital (code, name, time_zone, region_id, type, level, district, demo) "
                        + "VALUES (:c, :n, :z, :r, :type, :l, :d, :demo) RETURNING id")
                .param("c", code).param("n", name).param("z", zone.getId()).param("r", regionId)
                .param("type", type == null ? null : type.name()).param("l", level).param("d", district)
                .param("demo", demo).query(Long.class).single();
        return new HospitalProfile(id, code, name, zone, regionId, type, level, district, demo);
    }

    /** Sets what the region knows of an existing hospital: its institution type, grade and district. */
    public void describe(long id, UnitType type, String level, String district) {
        jdbc.sql("UPDATE hospital SET type = :t, level = :l, district = :d WHERE id = :id")
                .param("t", type == null ? null : type.name()).param("l", level).param("d", district).param("id", id)
                .update();
    }

    /** True when some hospital of the deployment (of any region) has this code, regardless of case. */
    public boolean codeTaken(String code) {
        return jdbc.sql("SELECT count(*) FROM hospital WHERE lower(code) = lower(:c)").param("c", code)
                .query(Long.class).single() > 0;
    }

    public Hospital create(String code, String name, ZoneId zone) {
        long id = jdbc.sql("INSERT INTO hospital (code, name, time_zone) VALUES (:c, :n, :z) RETURNING id")
                .param("c", code).param("n", name).param("z", zone.getId()).query(Long.class).single();
        return new Hospital(id, code, name, zone);
    }
}
