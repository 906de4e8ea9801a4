package org.meridian.shared.db;

import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way a repository reads a row of a tenant table by its id: always within the caller's hospital
 * ({@code WHERE hospital_id = :h AND id = :id}), so another hospital's id finds nothing.
 * <pre>{@code
 * Optional<Appeal> find(long hospitalId, long id) {
 *     return ById.find(jdbc, "SELECT " + COLUMNS + " FROM appeal", hospitalId, id, Appeals::appeal);
 * }
 * }</pre>
 */
public final class ById {

    private ById() {
    }

    /**
     * @param select the query up to its {@code WHERE}: {@code SELECT <columns> FROM <table>} of one table, whose
     *               columns {@code hospital_id} and {@code id} name the row
     */
    public static <T> Optional<T> find(JdbcClient jdbc, String select, long hospitalId, long id, RowMapper<T> row) {
        return query(jdbc, select + " WHERE hospital_id = :h AND id = :id", hospitalId, id, row);
    }

    /**
     * {@link #find} that also locks the row until the transaction ends ({@code FOR UPDATE}), so that two steps on
     * the same row at once queue up (approving twice at once approves once).
     */
    public static <T> Optional<T> lock(JdbcClient jdbc, String select, long hospitalId, long id, RowMapper<T> row) {
        return query(jdbc, select + " WHERE hospital_id = :h AND id = :id FOR UPDATE", hospitalId, id, row);
    }

    private static <T> Optional<T> query(JdbcClient jdbc, String sql, long hospitalId, long id, RowMapper<T> row) {
        return jdbc.sql(sql).param("h", hospitalId).param("id", id).query(row).optional();
    }
}
