package org.meridian.exam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The region's item catalogue ({@code exam_item}). */
@Repository
class ExamItems {

    private static final String COLUMNS = "code, name, category, valid_days, scope, price, example";

    private final JdbcClient jdbc;

    ExamItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ExamItem> find(long region, String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exam_item WHERE region_id = :r AND code = :c")
                .param("r", region).param("c", code).query(ExamItems::item).optional();
    }

    List<ExamItem> all(long region) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exam_item WHERE region_id = :r ORDER BY code")
                .param("r", region).query(ExamItems::item).list();
    }

    Map<String, ExamItem> byCode(long region) {
        Map<String, ExamItem> m = new LinkedHashMap<>();
        all(region).forEach(i -> m.put(i.code(), i));
        return m;
    }

    /** Creates or replaces the item; an item written by a person is no longer an example. */
    void put(long region, ExamItem item, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO exam_item (region_id, code, name, category, valid_days, scope, price, example, updated_at,
                                       updated_by)
                VALUES (:r, :code, :name, :category, :days, :scope, :price, false, :at, :by)
                ON CONFLICT (region_id, code) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category,
                    valid_days = EXCLUDED.valid_days, scope = EXCLUDED.scope, price = EXCLUDED.price,
                    example = false, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .param("r", region).param("code", item.code()).param("name", item.name())
                .param("category", item.category().name()).param("days", item.validDays())
                .param("scope", item.scope().name()).param("price", item.price())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by).update();
    }

    /**
     * Gives the planner the catalogue's statistics again. A catalogue of a few items never reaches autovacuum's
     * threshold (50 changed rows), so without this the planner takes the region's catalogue for one row, and a
     * prepared statement's generic plan of the figures' reads (which join the catalogue) read the period's figures
     * once per item: a regulator's year cost a second instead of 50 ms (docs/benchmarks.md, "The regulator's pages at
     * 500 hospitals").
     */
    void analyze() {
        jdbc.sql("ANALYZE exam_item").update();
    }

    private static ExamItem item(ResultSet rs, int i) throws SQLException {
        return new ExamItem(rs.getString(1), rs.getString(2), ExamCategory.valueOf(rs.getString(3)), rs.getInt(4),
                RecognitionScope.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getBoolean(7));
    }
}
