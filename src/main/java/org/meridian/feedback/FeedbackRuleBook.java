package org.meridian.feedback;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.indicator.IndicatorCatalogue;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hospital's improvement-suggestion rules (改进建议规则): "when indicator X scores below Y, suggest …" in Chinese
 * and English. A hospital starts with {@link DefaultRules}, seeded the first time its rules are read; rules are
 * added, edited and disabled (never deleted, so a delivered report can always name the rule behind a suggestion).
 * Changes affect reports generated afterwards only. Every command and query takes the {@link Actor}; every change is
 * audited under its name. Role checks belong to the callers (CHANNEL_MANAGER and above).
 */
@Service
public class FeedbackRuleBook {

    private final SuggestionRules rules;
    private final QuadrantRules quadrants;
    private final IndicatorCatalogue indicators;
    private final AuditLog audit;
    private final Clock clock;

    FeedbackRuleBook(SuggestionRules rules, QuadrantRules quadrants, IndicatorCatalogue indicators, AuditLog audit,
                     Clock clock) {
        this.rules = rules;
        this.quadrants = quadrants;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every rule of the hospital, enabled or not, oldest first; seeds the defaults on the first call. */
    @Transactional
    public List<SuggestionRule> all(Actor actor) {
        return all(actor.hospitalId());
    }

    List<SuggestionRule> all(long hospitalId) {
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

    public SuggestionRule get(Actor actor, long id) {
        return get(actor.hospitalId(), id);
    }

    private SuggestionRule get(long hospitalId, long id) {
        return rules.find(hospitalId, id).orElseThrow(() -> new SuggestionRuleNotFoundException(id));
    }

    /**
     * Adds a rule.
     *
     * @throws InvalidInputException listing every problem: an unknown indicator, a threshold that is not a number
     *                               above 0 and at most 100 (two decimals), a missing or too long text
     */
    @Transactional
    public SuggestionRule create(Actor actor, RuleDraft draft) {
        check(actor.hospitalId(), draft);
        all(actor.hospitalId());
        long id = rules.insert(actor.hospitalId(), draft.code(), draft.threshold(), draft.textZh().strip(),
                draft.textEn().strip(), now(), actor.username());
        Map<String, Object> details = AuditLog.details("indicator", draft.code(),
                "below", draft.threshold().toPlainString(), "textZh", draft.textZh().strip());
        audit.record(actor.hospitalId(), actor.username(), "FEEDBACK_RULE_CREATED", "feedback rule " + id, details);
        return get(actor.hospitalId(), id);
    }

    /** Changes a rule's indicator, threshold and texts (same checks as {@link #create}). */
    @Transactional
    public SuggestionRule update(Actor actor, long id, RuleDraft draft) {
        SuggestionRule old = get(actor.hospitalId(), id);
        check(actor.hospitalId(), draft);
        rules.update(actor.hospitalId(), id, draft.code(), draft.threshold(), draft.textZh().strip(),
                draft.textEn().strip(), now(), actor.username());
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
        audit.record(actor.hospitalId(), actor.username(), "FEEDBACK_RULE_CHANGED", "feedback rule " + id, details);
        return get(actor.hospitalId(), id);
    }

    /** Enables or disables a rule; a disabled rule gives no suggestion in reports generated afterwards. */
    @Transactional
    public SuggestionRule setEnabled(Actor actor, long id, boolean enabled) {
        SuggestionRule old = get(actor.hospitalId(), id);
        if (old.enabled() != enabled) {
            rules.setEnabled(actor.hospitalId(), id, enabled, now(), actor.username());
            audit.record(actor.hospitalId(), actor.username(),
                    enabled ? "FEEDBACK_RULE_ENABLED" : "FEEDBACK_RULE_DISABLED", "feedback rule " + id,
                    Map.of("indicator", old.indicatorCode()));
        }
        return get(actor.hospitalId(), id);
    }

    // ---- quadrant rules (象限建议规则) ------------------------------------------------------------------

    /**
     * The hospital's rule of each quadrant of the performance–brand matrix, in quadrant order; a quadrant without one
     * gets its default ({@link DefaultQuadrantRules}) first. Rules are never deleted, so a default comes back never.
     */
    @Transactional
    public List<QuadrantRule> quadrantRules(Actor actor) {
        return quadrantRules(actor.hospitalId());
    }

    List<QuadrantRule> quadrantRules(long hospitalId) {
        java.time.Instant at = now();
        DefaultQuadrantRules.all().forEach((q, texts) -> quadrants.insertIfAbsent(hospitalId, q, texts[0], texts[1], at,
                "system"));
        return quadrants.all(hospitalId);
    }

    /**
     * Changes the rule of a quadrant: its texts and whether reports quote it ({@code enabled} null: as it is). Audited with the old and new value of
     * each changed field; reports generated afterwards only are affected.
     *
     * @throws InvalidInputException listing every problem: a quadrant that is not one of the four, a missing or too
     *                               long text
     */
    @Transactional
    public QuadrantRule changeQuadrantRule(Actor actor, QuadrantRuleDraft draft, Boolean enabled) {
        List<Problem> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(FeedbackReporting.MODULE, problems);
        }
        long h = actor.hospitalId();
        quadrantRules(h);
        org.meridian.indicator.scoring.Quadrant q = draft.typed();
        QuadrantRule old = quadrants.find(h, q).orElseThrow();
        String zh = draft.textZh().strip();
        String en = draft.textEn().strip();
        boolean on = enabled == null ? old.enabled() : enabled;
        Map<String, Object> details = new LinkedHashMap<>();
        if (!old.textZh().equals(zh)) {
            details.put("textZh", AuditLog.change(old.textZh(), zh));
        }
        if (!old.textEn().equals(en)) {
            details.put("textEn", AuditLog.change(old.textEn(), en));
        }
        if (old.enabled() != on) {
            details.put("enabled", AuditLog.change(old.enabled(), on));
        }
        if (!details.isEmpty()) {
            quadrants.update(h, q, zh, en, on, now(), actor.username());
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("quadrant", q.name());
            all.putAll(details);
            audit.record(h, actor.username(), "FEEDBACK_QUADRANT_RULE_CHANGED", "feedback quadrant rule " + q.name(),
                    all);
        }
        return quadrants.find(h, q).orElseThrow();
    }

    private void check(long hospitalId, RuleDraft draft) {
        List<Problem> problems = draft.problems(code -> indicators.find(hospitalId, code).isPresent());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(FeedbackReporting.MODULE, problems);
        }
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
