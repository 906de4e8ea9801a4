package org.meridian.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved scheme versions (table {@code scheme_version}). The content is the whole scheme with its indicators'
 * definitions copied in, as JSON, so that reading a version back gives exactly what was saved.
 */
@Repository
class SchemeVersions {

    /** The stored shape of one scheme version. */
    record Stored(List<StoredItem> indicators, List<SchemeDraft.Tier> tiers) {
    }

    record StoredItem(String code, String nameZh, String nameEn, String unitZh, String unitEn, String direction,
                      String formula, String descriptionZh, String descriptionEn, BigDecimal weight,
                      SchemeDraft.Scoring scoring, String dimension) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SchemeVersions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<SchemeSnapshot> latest(long hospitalId, UnitType unitType) {
        return jdbc.sql("""
                        SELECT version, content::text, saved_at, saved_by FROM scheme_version
                        WHERE hospital_id = :h AND unit_type = :t ORDER BY version DESC LIMIT 1""")
                .param("h", hospitalId).param("t", unitType.name())
                .query((rs, i) -> read(unitType, rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .optional();
    }

    Optional<SchemeSnapshot> version(long hospitalId, UnitType unitType, int version) {
        return jdbc.sql("""
                        SELECT version, content::text, saved_at, saved_by FROM scheme_version
                        WHERE hospital_id = :h AND unit_type = :t AND version = :v""")
                .param("h", hospitalId).param("t", unitType.name()).param("v", version)
                .query((rs, i) -> read(unitType, rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .optional();
    }

    List<SchemeVersionInfo> history(long hospitalId, UnitType unitType) {
        return jdbc.sql("""
                        SELECT version, saved_at, saved_by FROM scheme_version
                        WHERE hospital_id = :h AND unit_type = :t ORDER BY version DESC""")
                .param("h", hospitalId).param("t", unitType.name())
                .query((rs, i) -> new SchemeVersionInfo(unitType, rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                .list();
    }

    /** The next version number of the unit type's scheme (1 for the first). */
    int nextVersion(long hospitalId, UnitType unitType) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM scheme_version WHERE hospital_id = :h AND unit_type = :t")
                .param("h", hospitalId).param("t", unitType.name()).query(Integer.class).single();
    }

    /** Inserts a version; false when that version number was taken meanwhile. */
    boolean insert(long hospitalId, SchemeSnapshot s) {
        List<StoredItem> items = s.items().stream().map(SchemeVersions::stored).toList();
        List<SchemeDraft.Tier> tiers = SchemeDraft.of(s).tiers();
        return jdbc.sql("""
                        INSERT INTO scheme_version (hospital_id, unit_type, version, content, saved_at, saved_by)
                        VALUES (:h, :t, :v, CAST(:content AS jsonb), :at, :by)
                        ON CONFLICT (hospital_id, unit_type, version) DO NOTHING""")
                .param("h", hospitalId).param("t", s.unitType().name()).param("v", s.version())
                .param("content", json.writeValueAsString(new Stored(items, tiers)))
                .param("at", OffsetDateTime.ofInstant(s.savedAt(), java.time.ZoneOffset.UTC)).param("by", s.savedBy())
                .update() == 1;
    }

    private static StoredItem stored(SchemeItem i) {
        IndicatorDefinition d = i.indicator();
        return new StoredItem(d.code(), d.nameZh(), d.nameEn(), d.unitZh(), d.unitEn(), d.direction().name(),
                d.formula().text(), d.descriptionZh(), d.descriptionEn(), i.weight(), SchemeDraft.Scoring.of(i.rule()),
                d.dimension().name());
    }

    private SchemeSnapshot read(UnitType unitType, int version, String content, OffsetDateTime savedAt, String by) {
        Stored stored = json.readValue(content, Stored.class);
        Map<String, IndicatorDefinition> definitions = stored.indicators().stream()
                .collect(Collectors.toMap(StoredItem::code, d -> new IndicatorDefinition(d.code(), d.nameZh(),
                        d.nameEn(), d.unitZh(), d.unitEn(), Direction.valueOf(d.direction()), Formula.stored(d.formula()),
                        d.descriptionZh(), d.descriptionEn(), Dimension.parse(d.dimension()))));
        SchemeDraft draft = new SchemeDraft(stored.indicators().stream()
                .map(d -> new SchemeDraft.Item(d.code(), d.weight(), d.scoring())).toList(), stored.tiers());
        Function<String, Optional<IndicatorDefinition>> copied = code -> Optional.ofNullable(definitions.get(code));
        Instant at = savedAt.toInstant();
        return draft.toSnapshot(copied, unitType, version, at, by);
    }
}
