package org.meridian.shared.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.shared.NamedValues;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log (审计日志): who did what, when, to what, from where. Written in the caller's
 * transaction, so a change and its audit entry commit or roll back together.
 */
@Service
public class AuditLog {

    /** Hospital id of deployment-level entries (e.g. a sign-in attempt with an unknown username). */
    public static final long NO_HOSPITAL = 0L;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One audit entry as shown to an administrator. */
    public record Entry(long id, OffsetDateTime at, String actor, String action, String target, String details,
                        String remoteAddr) {
    }

    /** Records an action of the signed-in user in that user's hospital. */
    public void record(String action, String target, Map<String, ?> details) {
        MeridianUser user = CurrentUser.require();
        record(user.hospitalId(), user.getUsername(), action, target, details);
    }

    /** Records an action with an explicit hospital and actor (sign-ins, start-up tasks). */
    public void record(long hospitalId, String actor, String action, String target, Map<String, ?> details) {
        String detailJson = details == null || details.isEmpty() ? null : json.writeValueAsString(details);
        jdbc.sql("""
                        INSERT INTO audit_log (hospital_id, actor, action, target, details, remote_addr)
                        VALUES (:h, :actor, :action, :target, CAST(:details AS jsonb), :addr)""")
                .param("h", hospitalId).param("actor", actor).param("action", action).param("target", target)
                .param("details", detailJson).param("addr", remoteAddress())
                .update();
    }

    /** Old and new value of each changed field, for change entries. */
    public static Map<String, Object> change(Object oldValue, Object newValue) {
        return details("old", oldValue, "new", newValue);
    }

    /** An entry's details from names and values in turn, in that order, nulls kept ({@link NamedValues#of}). */
    public static Map<String, Object> details(Object... namesAndValues) {
        return NamedValues.of(namesAndValues);
    }

    public List<Entry> recent(long hospitalId, String actionPrefix, int limit) {
        return jdbc.sql("""
                        SELECT id, at, actor, action, target, details::text, remote_addr FROM audit_log
                        WHERE hospital_id = :h AND (:p = '' OR action LIKE :p || '%')
                        ORDER BY at DESC, id DESC LIMIT :limit""")
                .param("h", hospitalId).param("p", actionPrefix == null ? "" : actionPrefix).param("limit", limit)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /**
     * What an administrator looks for in the audit log; every part is optional. {@code actionPrefix}
     * matches the start of the action ({@code LOGIN_} finds successes and failures), {@code actor} the
     * start of the username (ignoring case); {@code from} is inclusive, {@code to} exclusive.
     */
    public record Query(String actionPrefix, String actor, OffsetDateTime from, OffsetDateTime to) {
    }

    /** One page of audit entries, newest first, with the number of all entries that match. */
    public record Page(List<Entry> items, int page, int size, long total) {
        public int totalPages() {
            return (int) ((total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** The entries of a hospital that match the query, newest first, one page of {@code size} at a time. */
    public Page search(long hospitalId, Query query, int page, int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("page must be >= 0 and size 1 to 1000");
        }
        String where = """
                WHERE hospital_id = :h
                  AND (CAST(:p AS text) IS NULL OR action LIKE :p || '%' ESCAPE '\\')
                  AND (CAST(:actor AS text) IS NULL OR lower(actor) LIKE lower(:actor) || '%' ESCAPE '\\')
                  AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR at < :to)""";
        Map<String, Object> params = NamedValues.of("h", hospitalId,
                "p", likePrefix(query.actionPrefix() == null ? null : query.actionPrefix().toUpperCase()),
                "actor", likePrefix(query.actor()), "from", query.from(), "to", query.to());
        long total = jdbc.sql("SELECT count(*) FROM audit_log " + where).params(params).query(Long.class).single();
        List<Entry> items = jdbc.sql("""
                        SELECT id, at, actor, action, target, details::text, remote_addr FROM audit_log
                        """ + where + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        return new Page(items, page, size, total);
    }

    /** The distinct actions recorded in a hospital, for the filter's suggestions. */
    public List<String> actions(long hospitalId) {
        return jdbc.sql("SELECT DISTINCT action FROM audit_log WHERE hospital_id = :h ORDER BY action")
                .param("h", hospitalId).query(String.class).list();
    }

    private static String likePrefix(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
