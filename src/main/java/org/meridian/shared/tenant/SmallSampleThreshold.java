package org.meridian.shared.tenant;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small-sample threshold (样本量小): a rate of counts from fewer answers or cases than this is marked on the
 * scorecard, the ranking and the feedback report, so that nobody compares it as if it were firm (docs/evaluations.md,
 * "Small samples"). Each hospital may set its own (0 to {@value #MAX}; 0 never marks), which its administrator edits on
 * 系统管理 → 医院设置; without one the installation's {@code meridian.insight.small-sample}
 * ({@code MERIDIAN_SMALL_SAMPLE}, default 30; a negative value stops the start) applies. Scoring never reads it.
 */
@Service
public class SmallSampleThreshold {

    /** The largest threshold a hospital may set. */
    public static final int MAX = 10_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final int installation;

    SmallSampleThreshold(JdbcClient jdbc, AuditLog audit,
                         @Value("${meridian.insight.small-sample:30}") int installation) {
        if (installation < 0) {
            throw new IllegalArgumentException("meridian.insight.small-sample (MERIDIAN_SMALL_SAMPLE) must be 0 or"
                    + " more, not " + installation);
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.installation = installation;
    }

    /**
     * The hospital's setting.
     *
     * @param own          the hospital's own threshold; null when it uses the installation's
     * @param installation the installation's threshold
     */
    public record Setting(Integer own, int installation) {

        /** The threshold that applies. */
        public int threshold() {
            return own == null ? installation : own;
        }
    }

    /** The threshold that applies in the hospital. */
    public int of(long hospitalId) {
        return setting(hospitalId).threshold();
    }

    /** The hospital's own threshold, if any, and the installation's. */
    public Setting setting(long hospitalId) {
        Integer own = jdbc.sql("SELECT small_sample FROM hospital WHERE id = :id").param("id", hospitalId)
                .query((rs, i) -> (Integer) rs.getObject(1)).optional().orElse(null);
        return new Setting(own, installation);
    }

    /**
     * Sets the hospital's own threshold from what the administrator typed: a whole number from 0 to {@value #MAX}, or
     * nothing to use the installation's again. Anything else is refused on the field {@code smallSample} and nothing
     * is saved. Audited when it changes ({@code SMALL_SAMPLE_THRESHOLD_SET}, old and new value).
     *
     * @throws RefusedException when the actor is not the hospital's administrator
     */
    @Transactional
    public Setting save(Actor actor, String typed) {
        RefusedException.unless(actor.has(Role.ADMIN), "shared", "settings-admin-only", "settings.problem.adminOnly",
                actor.username() + " is not an administrator of hospital " + actor.hospitalId());
        Integer value = parse(typed);
        Setting before = setting(actor.hospitalId());
        if (Objects.equals(before.own(), value)) {
            return before;
        }
        jdbc.sql("UPDATE hospital SET small_sample = :v WHERE id = :id").param("v", value)
                .param("id", actor.hospitalId()).update();
        Map<String, Object> change = NamedValues.of("old", before.own(), "new", value);
        audit.record(actor.hospitalId(), actor.username(), "SMALL_SAMPLE_THRESHOLD_SET", "hospital",
                Map.of("smallSample", change));
        return setting(actor.hospitalId());
    }

    private static Integer parse(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!t.matches("\\d{1,6}") || Integer.parseInt(t) > MAX) {
            throw new InvalidInputException("shared", List.of(Problem.of("smallSample", "settings.smallSample.invalid",
                    t, MAX)));
        }
        return Integer.parseInt(t);
    }
}
