package org.meridian.feedback;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.indicator.Indicators;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hospital's improvement-suggestion rules (改进建议规则): "when indicator X scores below Y, suggest …" in Chinese
 * and English. A hospital starts with {@link DefaultRules}, seeded the first time its rules are read; rules are
 * added, edited and disabled (never deleted, so a delivered report can always name the rule behind a suggestion).
 * Changes affect reports generated afterwards only. Every change is audited. Role checks belong to the callers
 * (CHANNEL_MANAGER and above).
 */
@Service
public class FeedbackRules {

    private final Rules rules;
    private final Indicators indicators;
    private final AuditLog audit;
    private final Clock clock;

    FeedbackRules(Rules rules, Indicators indicators, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every rule of the hospital, enabled or not, oldest first; seeds the defaults on the first call. */
    @Transactional
    public List<SuggestionRule> all(long hospitalId) {
        if (rules.claimSeeding(hospitalId)) {
            for (RuleDraft d : DefaultRules.all()) {
                if (indicators.find(hospitalId, d.code()).isPresent()) {
                    rules.insert(hospitalId, d.code(), d.threshold(), d.textZh(), d.textEn(), now(), "system");
                }
            }
            audit.record(hospitalId, "system", "FEEDBACK_RULES_SEEDED", "feedback rules",
                    Map.of("rules", DefaultRules.all().size()));
        }
        return rules.all(hospitalId);
    }

    public SuggestionRule get(long hospitalId, long id) {
        return rules.find(hospitalId, id).orElseThrow(() -> new SuggestionRuleNotFoundException(id));
    }

    /**
     * Adds a rule.
     *
     * @throws InvalidInputException listing every problem: an unknown indicator, a threshold that is not a number
     *                               above 0 and at most 100 (two decimals), a missing or too long text
     */
    @Transactional
    public SuggestionRule create(MeridianUser user, RuleDraft draft) {
        check(user.hospitalId(), draft);
        all(user.hospitalId());
        long id = rules.insert(user.hospitalId(), draft.code(), draft.threshold(), draft.textZh().strip(),
                draft.textEn().strip(), now(), user.getUsername());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("indicator", draft.code());
        details.put("below", draft.threshold().toPlainString());
        details.put("textZh", draft.textZh().strip());
        audit.record(user.hospitalId(), user.getUsername(), "FEEDBACK_RULE_CREATED", "feedback rule " + id, details);
        return get(user.hospitalId(), id);
    }

    /** Changes a rule's indicator, threshold and texts (same checks as {@link #create}). */
    @Transactional
    public SuggestionRule update(MeridianUser user, long id, RuleDraft draft) {
        SuggestionRule old = get(user.hospitalId(), id);
        check(user.hospitalId(), draft);
        rules.update(user.hospitalId(), id, draft.code(), draft.threshold(), draft.textZh().strip(),
                draft.textEn().strip(), now(), user.getUsername());
        Map<String, Object> details = new LinkedHashMap<>();
        if (!old.indicatorCode().equals(draft.code())) {
            details.put("indicator", AuditLog.change(old.indicatorCode(), draft.code()));
        }
        if (old.below().compareTo(draft.threshold()) != 0) {
            details.put("below", AuditLog.change(old.below().toPlainString(), draft.threshold().toPlainString()));
        }
        if (!old.textZh().equals(draft.textZh().strip())) {
            details.put("textZh", AuditLog.change(old.textZh(), draft.textZh().strip()));
        }
        if (!old.textEn().equals(draft.textEn().strip())) {
            details.put("textEn", AuditLog.change(old.textEn(), draft.textEn().strip()));
        }
        audit.record(user.hospitalId(), user.getUsername(), "FEEDBACK_RULE_CHANGED", "feedback rule " + id, details);
        return get(user.hospitalId(), id);
    }

    /** Enables or disables a rule; a disabled rule gives no suggestion in reports generated afterwards. */
    @Transactional
    public SuggestionRule setEnabled(MeridianUser user, long id, boolean enabled) {
        SuggestionRule old = get(user.hospitalId(), id);
        if (old.enabled() != enabled) {
            rules.setEnabled(user.hospitalId(), id, enabled, now(), user.getUsername());
            audit.record(user.hospitalId(), user.getUsername(),
                    enabled ? "FEEDBACK_RULE_ENABLED" : "FEEDBACK_RULE_DISABLED", "feedback rule " + id,
                    Map.of("indicator", old.indicatorCode()));
        }
        return get(user.hospitalId(), id);
    }

    private void check(long hospitalId, RuleDraft draft) {
        List<InputProblem> problems = draft.problems(code -> indicators.find(hospitalId, code).isPresent());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
