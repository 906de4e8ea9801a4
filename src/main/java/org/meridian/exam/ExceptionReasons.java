package org.meridian.exam;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The region's exception reasons ({@code exam_exception_reason}); a region without any gets the defaults. */
@Repository
class ExceptionReasons {

    private final JdbcClient jdbc;

    ExceptionReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The region's reasons by code; writes the defaults first when the region has none. */
    List<ExceptionReason> all(long region) {
        List<ExceptionReason> list = read(region);
        if (!list.isEmpty()) {
            return list;
        }
        for (ExceptionReason d : ExceptionReason.DEFAULTS) {
            put(region, d);
        }
        return read(region);
    }

    void put(long region, ExceptionReason reason) {
        jdbc.sql("""
                INSERT INTO exam_exception_reason (region_id, code, name_zh, name_en) VALUES (:r, :c, :zh, :en)
                ON CONFLICT (region_id, code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en""")
                .param("r", region).param("c", reason.code()).param("zh", reason.nameZh())
                .param("en", reason.nameEn()).update();
    }

    private List<ExceptionReason> read(long region) {
        return jdbc.sql("SELECT code, name_zh, name_en FROM exam_exception_reason WHERE region_id = :r ORDER BY code")
                .param("r", region)
                .query((rs, i) -> new ExceptionReason(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
