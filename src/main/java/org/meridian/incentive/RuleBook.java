package org.meridian.incentive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.ComplianceGuard;
import org.meridian.incentive.rules.IncentiveRule;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.incentive.rules.SanctionPolicy;
import org.meridian.incentive.rules.SanctionRecommendation;
import org.meridian.incentive.rules.TierInPeriod;
import org.meridian.shared.problem.Problem;
import org.meridian.incentive.statements.WorkflowForbidden;
import org.meridian.incentive.statements.WorkflowRefusal;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.meridian.incentive.rules.IncentiveProblem;

/**
 * The rule book (激励规则): a hospital's incentive rules with their versions and validity, the compliance sign-off of
 * flagged money rules, the default templates, and what the sanction rule in force recommends for a tier history.
 * Every call works in the actor's hospital, and every change is written to the audit log in the same transaction.
 */
@Service
@Transactional
public class RuleBook {

    private final IncentiveRules rules;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RuleBook(IncentiveRules rules, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StoredRule> rules(Actor actor) {
        return rules.all(actor.hospitalId());
    }

    @Transactional(readOnly = true)
    public StoredRule rule(Actor actor, long id) {
        return rules.find(actor.hospitalId(), id).orElseThrow(() -> new IncentiveNotFound("rule", id));
    }

    /**
     * Saves a rule as the next version of its code (version 1 for a new code). A new version must start
     * after the previous one started; the previous one then ends the day before. A money rule based on
     * patient volume or revenue is saved as {@link ComplianceStatus#COMPLIANCE_REVIEW_REQUIRED} and does
     * not take effect until signed off. Refused with every problem {@link #check} names.
     */
    public StoredRule createRule(Actor actor, RuleDefinition definition) {
        long h = actor.hospitalId();
        Checked checked = checked(h, definition);
        if (!checked.problems().isEmpty()) {
            throw new InvalidIncentiveException(checked.problems());
        }
        IncentiveRule rule = checked.rule();
        int version = checked.version();
        if (checked.previous().isPresent()) {
            StoredRule p = checked.previous().get();
            if (p.validTo() == null || !p.validTo().isBefore(definition.validFrom())) {
                rules.endValidity(h, p.id(), definition.validFrom().minusDays(1));
                audit.record(actor.hospitalId(), actor.username(), "INCENTIVE_RULE_ENDED", "incentive-rule:" + p.id(), Map.of("code", p.code(),
                        "version", p.version(), "validTo", AuditLog.change(p.validTo(),
                                definition.validFrom().minusDays(1))));
            }
        }
        ComplianceGuard.Assessment assessment = ComplianceGuard.assess(rule);
        ComplianceStatus status = assessment.status() == ComplianceGuard.Status.COMPLIANCE_REVIEW_REQUIRED
                ? ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED : ComplianceStatus.NOT_REQUIRED;
        long id = rules.insert(h, version, rule.type(), definition, status, assessment.reason(), actor.username(),
                clock.instant());
        Map<String, Object> details = AuditLog.details("code", rule.header().code(), "version", version,
                "type", rule.type().name(), "compliance", status.name());
        audit.record(actor.hospitalId(), actor.username(), "INCENTIVE_RULE_CREATED", "incentive-rule:" + id, details);
        StoredRule stored = rule(actor, id);
        if (status == ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED) {
            events.publishEvent(new IncentiveRuleFlagged(h, id, stored.code(), version, stored.name(),
                    actor.username(), clock.instant()));
        }
        return stored;
    }

    /**
     * What {@link #createRule} would do with this definition now, without saving anything: the version it would
     * become, every problem it would be refused for, and the compliance guard's verdict — the same guard, run on the
     * rule as far as it is written (the rule builder page asks while a person types).
     */
    @Transactional(readOnly = true)
    public RuleCheck check(Actor actor, RuleDefinition definition) {
        Checked checked = checked(actor.hospitalId(), definition);
        Optional<ComplianceGuard.Assessment> verdict = checked.rule() != null
                ? Optional.of(ComplianceGuard.assess(checked.rule())) : definition.assessAsWritten();
        ComplianceStatus compliance = verdict.map(a -> a.status() == ComplianceGuard.Status.COMPLIANCE_REVIEW_REQUIRED
                ? ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED : ComplianceStatus.NOT_REQUIRED).orElse(null);
        String measure = compliance == ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED ? definition.baseMeasure() : null;
        return new RuleCheck(checked.version(), checked.problems(), compliance, measure);
    }

    /** A definition checked against the rule's stored versions: the rule when it builds, and every problem. */
    private record Checked(Optional<StoredRule> previous, int version, IncentiveRule rule, List<Problem> problems) {
    }

    private Checked checked(long h, RuleDefinition definition) {
        Optional<StoredRule> previous = definition.code() == null || definition.code().isBlank() ? Optional.empty()
                : rules.latest(h, definition.code().strip());
        int version = previous.map(p -> p.version() + 1).orElse(1);
        List<Problem> problems = new ArrayList<>();
        IncentiveRule rule = null;
        try {
            rule = definition.toRule(version);
        } catch (InvalidIncentiveException e) {
            problems.addAll(e.problems());
        }
        if (previous.isPresent()) {
            StoredRule p = previous.get();
            if (rule != null && p.type() != rule.type()) {
                // the type by its name in the reader's language, never as its code
                problems.add(Problem.of("type", "incentive.v.keepType", p.code(),
                        new DefaultMessageSourceResolvable(new String[] {"incentive.type." + p.type().name()},
                                p.type().name())));
            }
            if (definition.validFrom() != null && !definition.validFrom().isAfter(p.validFrom())) {
                problems.add(IncentiveProblem.of("validFrom", "incentive.v.versionStart", p.version(), p.code(), p.validFrom()));
            }
        }
        return new Checked(previous, version, problems.isEmpty() ? rule : null, problems);
    }

    /**
     * The flagged rule versions waiting for this person's compliance sign-off (待办): for a hospital manager (or an
     * administrator), those that someone else saved ({@link org.meridian.shared.problem.FourEyes}); nothing for
     * anyone else. A rule leaves once signed off.
     */
    @Transactional(readOnly = true)
    public List<StoredRule> awaitingSignOff(Actor actor) {
        if (!actor.has(Role.HOSPITAL_MANAGER)) {
            return List.of();
        }
        return rules.all(actor.hospitalId()).stream()
                .filter(r -> r.complianceStatus() == ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED)
                .filter(r -> org.meridian.shared.problem.FourEyes.allows(r.createdBy(), actor))
                .toList();
    }

    /**
     * A hospital manager's compliance sign-off (合规签批) of a flagged rule, with the justification kept
     * beside the rule and in the audit log. From then on the rule takes effect. Whoever saved the rule may not sign
     * it off (four eyes: 403, {@code urn:meridian:incentive:own-rule}).
     */
    public StoredRule signOff(Actor actor, long id, String justification) {
        if (!actor.has(Role.HOSPITAL_MANAGER)) {
            throw new WorkflowForbidden(WorkflowForbidden.ROLE, "only a hospital manager signs off a rule for compliance");
        }
        if (justification == null || justification.isBlank()) {
            throw new InvalidIncentiveException(IncentiveProblem.of("justification", "incentive.v.justification"));
        }
        if (justification.length() > 2000) {
            throw new InvalidIncentiveException(IncentiveProblem.of("justification", "incentive.v.tooLong", 2000));
        }
        StoredRule rule = rule(actor, id);
        if (!org.meridian.shared.problem.FourEyes.allows(rule.createdBy(), actor)) {
            throw new WorkflowForbidden("own-rule", actor.username() + " saved rule " + rule.code() + " v"
                    + rule.version() + " and may not also sign it off: four eyes");
        }
        if (rule.complianceStatus() != ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED) {
            throw new WorkflowRefusal("not-flagged", "rule " + rule.code() + " v" + rule.version() + " is "
                    + rule.complianceStatus() + "; only a rule that requires compliance review is signed off");
        }
        Instant at = clock.instant();
        if (!rules.signOff(actor.hospitalId(), id, actor.username(), at, justification.strip())) {
            throw new WorkflowRefusal("concurrent", "rule " + id + " was signed off meanwhile");
        }
        audit.record(actor.hospitalId(), actor.username(), "INCENTIVE_RULE_SIGNED_OFF", "incentive-rule:" + id, Map.of("code", rule.code(),
                "version", rule.version(), "justification", justification.strip()));
        events.publishEvent(new IncentiveRuleSignedOff(actor.hospitalId(), id, rule.code(), rule.version(),
                actor.username(), at));
        return rule(actor, id);
    }

    /** Saves each default template whose code the hospital does not use yet; returns those saved. */
    public List<StoredRule> installTemplates(Actor actor, LocalDate validFrom) {
        long h = actor.hospitalId();
        List<StoredRule> saved = new ArrayList<>();
        for (RuleDefinition template : DefaultTemplates.all(validFrom)) {
            if (rules.latest(h, template.code()).isEmpty()) {
                saved.add(createRule(actor, template));
            }
        }
        return saved;
    }

    /**
     * What the sanction rule in force at the latest period recommends for a channel with this tier
     * history; empty when no sanction rule applies or the channel is not in the lowest tier.
     */
    @Transactional(readOnly = true)
    public Optional<SanctionRecommendation> recommendSanction(Actor actor, String channelCode, UnitType unitType,
                                                              List<TierInPeriod> history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Period latest = history.stream().map(TierInPeriod::period).max(Period::compareTo).orElseThrow();
        ChannelResult probe = new ChannelResult(channelCode, unitType, "UNRATED", null, null, null);
        return rules.inEffect(actor.hospitalId()).stream()
                .filter(r -> r instanceof IncentiveRule.SanctionRule)
                .filter(r -> r.header().validity().appliesTo(latest) && r.header().appliesTo(probe))
                .findFirst()
                .flatMap(r -> SanctionPolicy.recommend((IncentiveRule.SanctionRule) r, channelCode, history));
    }
}
