package org.meridian.shared.audit;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", oldValue);
        m.put("new", newValue);
        return m;
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

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
