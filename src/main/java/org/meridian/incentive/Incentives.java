package org.meridian.incentive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelLifecycle;
import org.meridian.channel.ChannelRegistry;
import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.ComplianceGuard;
import org.meridian.incentive.rules.IncentiveCalculator;
import org.meridian.incentive.rules.IncentiveRule;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.incentive.rules.ManualAdjustment;
import org.meridian.shared.Period;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.incentive.rules.SanctionPolicy;
import org.meridian.incentive.rules.SanctionRecommendation;
import org.meridian.incentive.rules.StatementLine;
import org.meridian.incentive.rules.TierInPeriod;
import org.meridian.incentive.rules.Violation;
import org.meridian.incentive.statements.StatementHeader;
import org.meridian.incentive.statements.StatementStatus;
import org.meridian.incentive.statements.WorkflowRefusal;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incentive module's face: a hospital's incentive rules (versions, compliance sign-off) and its
 * statements (prepare, adjust, review, approve, pay, correct). Every call works in the signed-in user's
 * hospital, and every change is written to the audit log in the same transaction.
 */
@Service
@Transactional
public class Incentives {

    private final IncentiveRules rules;
    private final Statements statements;
    private final AuditLog audit;
    private final StatementWorkbook workbook;
    private final ChannelRegistry channels;
    private final ChannelLifecycle lifecycle;
    private final EvaluationDrafting drafting;
    private final Sanctions sanctions;
    private final Clock clock;

    Incentives(IncentiveRules rules, Statements statements, AuditLog audit, StatementWorkbook workbook,
               ChannelRegistry channels, ChannelLifecycle lifecycle, EvaluationDrafting drafting,
               Sanctions sanctions, Clock clock) {
        this.clock = clock;
        this.channels = channels;
        this.lifecycle = lifecycle;
        this.drafting = drafting;
        this.sanctions = sanctions;
        this.rules = rules;
        this.statements = statements;
        this.audit = audit;
        this.workbook = workbook;
    }

    // ---- rules ----

    @Transactional(readOnly = true)
    public List<StoredRule> rules() {
        return rules.all(CurrentUser.hospitalId());
    }

    @Transactional(readOnly = true)
    public StoredRule rule(long id) {
        return rules.find(CurrentUser.hospitalId(), id).orElseThrow(() -> new IncentiveNotFound("rule", id));
    }

    /**
     * Saves a rule as the next version of its code (version 1 for a new code). A new version must start
     * after the previous one started; the previous one then ends the day before. A money rule based on
     * patient volume or revenue is saved as {@link ComplianceStatus#COMPLIANCE_REVIEW_REQUIRED} and does
     * not take effect until signed off.
     */
    public StoredRule createRule(RuleDefinition definition) {
        long h = CurrentUser.hospitalId();
        Optional<StoredRule> previous = definition.code() == null ? Optional.empty()
                : rules.latest(h, definition.code());
        int version = previous.map(p -> p.version() + 1).orElse(1);
        IncentiveRule rule = definition.toRule(version);
        if (previous.isPresent()) {
            StoredRule p = previous.get();
            List<Violation> problems = new ArrayList<>();
            if (p.type() != rule.type()) {
                problems.add(Violation.keyed("type", "rule " + p.code() + " is a " + p.type()
                        + " rule; a new version keeps its type (use a new code for another type)",
                        "incentive.v.keepType", p.code(), p.type()));
            }
            if (!definition.validFrom().isAfter(p.validFrom())) {
                problems.add(Violation.keyed("validFrom", "version " + p.version() + " of " + p.code()
                        + " is valid from " + p.validFrom() + "; a new version must start after that",
                        "incentive.v.versionStart", p.version(), p.code(), p.validFrom()));
            }
            if (!problems.isEmpty()) {
                throw new InvalidIncentiveException(problems);
            }
            if (p.validTo() == null || !p.validTo().isBefore(definition.validFrom())) {
                rules.endValidity(h, p.id(), definition.validFrom().minusDays(1));
                audit.record("INCENTIVE_RULE_ENDED", "incentive-rule:" + p.id(), Map.of("code", p.code(),
                        "version", p.version(), "validTo", AuditLog.change(p.validTo(),
                                definition.validFrom().minusDays(1))));
            }
        }
        ComplianceGuard.Assessment assessment = ComplianceGuard.assess(rule);
        ComplianceStatus status = assessment.status() == ComplianceGuard.Status.COMPLIANCE_REVIEW_REQUIRED
                ? ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED : ComplianceStatus.NOT_REQUIRED;
        long id = rules.insert(h, version, rule.type(), definition, status, assessment.reason(), actor());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", rule.header().code());
        details.put("version", version);
        details.put("type", rule.type().name());
        details.put("compliance", status.name());
        audit.record("INCENTIVE_RULE_CREATED", "incentive-rule:" + id, details);
        return rule(id);
    }

    /**
     * A hospital manager's compliance sign-off (合规签批) of a flagged rule, with the justification kept
     * beside the rule and in the audit log. From then on the rule takes effect.
     */
    public StoredRule signOff(long id, String justification) {
        MeridianUser user = CurrentUser.require();
        if (!user.hasRole(Role.HOSPITAL_MANAGER) && !user.hasRole(Role.ADMIN)) {
            throw new WorkflowRefusal("role", "only a hospital manager signs off a rule for compliance");
        }
        if (justification == null || justification.isBlank()) {
            throw new InvalidIncentiveException(Violation.keyed("justification", "a compliance sign-off needs a justification", "incentive.v.justification"));
        }
        if (justification.length() > 2000) {
            throw new InvalidIncentiveException(Violation.keyed("justification", "a justification has at most 2000 characters", "incentive.v.tooLong", 2000));
        }
        StoredRule rule = rule(id);
        if (rule.complianceStatus() != ComplianceStatus.COMPLIANCE_REVIEW_REQUIRED) {
            throw new WorkflowRefusal("not-flagged", "rule " + rule.code() + " v" + rule.version() + " is "
                    + rule.complianceStatus() + "; only a rule that requires compliance review is signed off");
        }
        if (!rules.signOff(user.hospitalId(), id, user.getUsername(), clock.instant(), justification.strip())) {
            throw new WorkflowRefusal("concurrent", "rule " + id + " was signed off meanwhile");
        }
        audit.record("INCENTIVE_RULE_SIGNED_OFF", "incentive-rule:" + id, Map.of("code", rule.code(),
                "version", rule.version(), "justification", justification.strip()));
        return rule(id);
    }

    /** Saves each default template whose code the hospital does not use yet; returns those saved. */
    public List<StoredRule> installTemplates(java.time.LocalDate validFrom) {
        long h = CurrentUser.hospitalId();
        List<StoredRule> saved = new ArrayList<>();
        for (RuleDefinition template : DefaultTemplates.all(validFrom)) {
            if (rules.latest(h, template.code()).isEmpty()) {
                saved.add(createRule(template));
            }
        }
        return saved;
    }

    /**
     * What the sanction rule in force at the latest period recommends for a channel with this tier
     * history; empty when no sanction rule applies or the channel is not in the lowest tier.
     */
    @Transactional(readOnly = true)
    public Optional<SanctionRecommendation> recommendSanction(String channelCode, org.meridian.shared.UnitType unitType,
                                                              List<TierInPeriod> history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Period latest = history.stream().map(TierInPeriod::period).max(Period::compareTo).orElseThrow();
        ChannelResult probe = new ChannelResult(channelCode, unitType, "UNRATED", null, null, null);
        return rulesInEffect().stream()
                .filter(r -> r instanceof IncentiveRule.SanctionRule)
                .filter(r -> r.header().validity().appliesTo(latest) && r.header().appliesTo(probe))
                .findFirst()
                .flatMap(r -> SanctionPolicy.recommend((IncentiveRule.SanctionRule) r, channelCode, history));
    }

    private List<IncentiveRule> rulesInEffect() {
        return rules.all(CurrentUser.hospitalId()).stream()
                .filter(r -> r.complianceStatus().inEffect())
                .map(StoredRule::toRule)
                .toList();
    }

    // ---- statements ----

    /** The hospital's statements (superseded drafts left out), newest period first; of one period when given. */
    @Transactional(readOnly = true)
    public List<StatementSummary> statements(String period) {
        return statements.list(CurrentUser.hospitalId(), period, null, null);
    }

    // ---- the channel's own view ----

    /** The statuses a channel sees of its own statements: what the hospital has approved. */
    public static final List<StatementStatus> CHANNEL_VISIBLE = List.of(StatementStatus.APPROVED, StatementStatus.PAID);

    /**
     * The APPROVED and PAID statements of the signed-in channel user's own channel; nothing for a user without a
     * channel. Drafts, reviewed and superseded statements and other channels' statements are never listed.
     */
    @Transactional(readOnly = true)
    public List<StatementSummary> ownStatements() {
        return ownChannelCode().map(code -> statements.list(CurrentUser.hospitalId(), null, code, CHANNEL_VISIBLE))
                .orElse(List.of());
    }

    /** One of {@link #ownStatements()}; anything else is not found (404), as if it did not exist. */
    @Transactional(readOnly = true)
    public Statement ownStatement(long id) {
        Optional<String> code = ownChannelCode();
        return statements.find(CurrentUser.hospitalId(), id)
                .filter(s -> code.isPresent() && code.get().equals(s.header().channelCode()))
                .filter(s -> CHANNEL_VISIBLE.contains(s.header().status()))
                .orElseThrow(() -> new IncentiveNotFound("statement", id));
    }

    /** The XLSX of one of the channel's own statements. */
    @Transactional(readOnly = true)
    public byte[] ownWorkbook(long id, java.util.Locale locale) {
        return workbook.write(ownStatement(id), locale);
    }

    private Optional<String> ownChannelCode() {
        MeridianUser user = CurrentUser.require();
        if (user.channelId() == null) {
            return Optional.empty();
        }
        return channels.find(user.actor(), user.channelId()).map(ChannelRef::code);
    }

    // ---- channels ----

    /**
     * The problems of a channel code (and, when given, its unit type) against the channel register: a code that
     * is missing or unknown in the hospital, or a unit type other than the channel's. Fields are
     * {@code channelCode} and {@code unitType}.
     */
    @Transactional(readOnly = true)
    public List<Violation> channelProblems(String channelCode, org.meridian.shared.UnitType unitType) {
        if (channelCode == null || channelCode.isBlank()) {
            return List.of(Violation.keyed("channelCode", "a channel code is required", "incentive.v.channelRequired"));
        }
        Optional<ChannelRef> channel = channels.findByCode(CurrentUser.actor(), channelCode.strip());
        if (channel.isEmpty()) {
            return List.of(Violation.keyed("channelCode", "no channel '" + channelCode.strip()
                    + "' is registered in your hospital", "incentive.v.channelUnknown", channelCode.strip()));
        }
        if (unitType != null && channel.get().type() != unitType) {
            return List.of(Violation.keyed("unitType", "channel " + channel.get().code() + " is a "
                    + channel.get().type() + " channel, not " + unitType, "incentive.v.channelType", channel.get().code(),
                    "unitType." + channel.get().type().name(), "unitType." + unitType.name()));
        }
        return List.of();
    }

    // ---- from published evaluations ----

    /**
     * Drafts the statements and sanctions of a published evaluation, as on its publication (idempotent: channels
     * already drafted from it are skipped). For a publication whose drafting failed, or rules signed off later.
     */
    public DraftingOutcome draftFromEvaluation(long evaluationId) {
        return drafting.draftAsSystem(CurrentUser.hospitalId(), evaluationId);
    }

    // ---- sanctions ----

    /** The hospital's sanctions, newest period first. */
    @Transactional(readOnly = true)
    public List<Sanction> sanctions() {
        return sanctions.list(CurrentUser.hospitalId(), null);
    }

    @Transactional(readOnly = true)
    public Sanction sanction(long id) {
        return sanctions.find(CurrentUser.hospitalId(), id).orElseThrow(() -> new IncentiveNotFound("sanction", id));
    }

    /**
     * A hospital manager's decision on a termination recommendation, with a note (required): {@code terminate}
     * ends the cooperation through the channel lifecycle (status TERMINATED, the note as its reason, the manager
     * as who did it); otherwise the recommendation is declined and the channel stays as it is.
     */
    public Sanction decideSanction(long id, boolean terminate, String note) {
        MeridianUser user = CurrentUser.require();
        if (!user.hasRole(Role.HOSPITAL_MANAGER) && !user.hasRole(Role.ADMIN)) {
            throw new WorkflowRefusal("role", "only a hospital manager decides a termination recommendation");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidIncentiveException(Violation.keyed("note", "a decision on a termination recommendation needs a note", "incentive.v.noteRequired"));
        }
        if (note.strip().length() > 500) {
            throw new InvalidIncentiveException(Violation.keyed("note", "a note has at most 500 characters", "incentive.v.tooLong", 500));
        }
        Sanction sanction = sanction(id);
        if (!sanction.pending()) {
            throw new WorkflowRefusal("not-pending", "sanction " + id + " is " + sanction.status()
                    + "; only a PENDING termination recommendation is decided");
        }
        long h = user.hospitalId();
        String outcome;
        if (terminate) {
            var channel = channels.get(user.actor(), sanction.channelCode());
            if (!channel.status().canMoveTo(org.meridian.channel.ChannelStatus.TERMINATED)) {
                throw new WorkflowRefusal("channel-state", "channel " + channel.code() + " is " + channel.status()
                        + " and cannot be terminated");
            }
            lifecycle.changeStatus(user.actor(), channel.code(), org.meridian.channel.ChannelStatus.TERMINATED,
                    note.strip());
            outcome = "status " + channel.status() + " → TERMINATED";
        } else {
            outcome = "termination declined";
        }
        if (!sanctions.decide(h, id, terminate ? "TERMINATED" : "DECLINED", user.getUsername(), clock.instant(),
                note.strip(), outcome)) {
            throw new WorkflowRefusal("concurrent", "sanction " + id + " was decided meanwhile");
        }
        audit.record(terminate ? "INCENTIVE_SANCTION_TERMINATION_APPROVED" : "INCENTIVE_SANCTION_TERMINATION_DECLINED",
                "sanction:" + id, Map.of("channel", sanction.channelCode(), "note", note.strip()));
        return sanction(id);
    }

    @Transactional(readOnly = true)
    public Statement statement(long id) {
        return statements.find(CurrentUser.hospitalId(), id).orElseThrow(() -> new IncentiveNotFound("statement", id));
    }

    /** The statement as an XLSX workbook for finance, in the reader's language. */
    @Transactional(readOnly = true)
    public byte[] workbook(long id, java.util.Locale locale) {
        return workbook.write(statement(id), locale);
    }

    /**
     * Prepares the DRAFT statement of a channel for a period from its evaluation result, with one line
     * per rule in effect that gives something. The preparer is the signed-in user.
     */
    public Statement prepare(Period period, ChannelResult result) {
        long h = CurrentUser.hospitalId();
        List<Violation> unknown = channelProblems(result.channelCode(), result.unitType());
        if (!unknown.isEmpty()) {
            throw new InvalidIncentiveException(unknown);
        }
        Optional<Long> existing = statements.firstFor(h, result.channelCode(), period.toString());
        if (existing.isPresent()) {
            throw new WorkflowRefusal("exists", "channel " + result.channelCode() + " already has statement "
                    + existing.get() + " for " + period + "; correct that one instead");
        }
        List<StatementLine> lines = IncentiveCalculator.lines(period, result, rulesInEffect());
        String actor = actor();
        long id = statements.insert(h, result, period.toString(), 1, null, actor, clock.instant());
        for (StatementLine line : lines) {
            statements.addLine(h, id, line, actor);
        }
        Statement statement = statement(id);
        audit.record("INCENTIVE_STATEMENT_PREPARED", "statement:" + id, Map.of("channel", result.channelCode(),
                "period", period.toString(), "lines", lines.size(), "total", statement.total()));
        return statement;
    }

    /** Adds a manual adjustment line to a DRAFT statement; any other statement is refused unchanged. */
    public Statement addAdjustment(long id, ManualAdjustment adjustment) {
        Statement statement = statement(id);
        statement.header().requireDraft();
        statements.addLine(CurrentUser.hospitalId(), id, adjustment.toLine(), actor());
        audit.record("INCENTIVE_STATEMENT_ADJUSTED", "statement:" + id, Map.of("amount", adjustment.amount(),
                "reason", adjustment.reason()));
        return statement(id);
    }

    /** DRAFT → REVIEWED, by someone other than the preparer. */
    public Statement review(long id) {
        Statement s = statement(id);
        return advance(s, s.header().review(actor(), clock.instant()), "INCENTIVE_STATEMENT_REVIEWED");
    }

    /** REVIEWED → APPROVED, by a hospital manager other than the preparer. */
    public Statement approve(long id) {
        Statement s = statement(id);
        return advance(s, s.header().approve(actor(), clock.instant()), "INCENTIVE_STATEMENT_APPROVED");
    }

    /** APPROVED → PAID: the payment has been made. */
    public Statement pay(long id) {
        Statement s = statement(id);
        return advance(s, s.header().pay(actor(), clock.instant()), "INCENTIVE_STATEMENT_PAID");
    }

    /**
     * Opens a correcting statement for an APPROVED or PAID one: a new DRAFT for the same channel and
     * period, numbered next, naming the original, without lines; the correction is added to it as
     * adjustment lines and it goes through the same four-eyes workflow. The original never changes.
     */
    public Statement correct(long id) {
        Statement original = statement(id);
        original.header().requireCorrectable();
        long h = CurrentUser.hospitalId();
        StatementHeader head = original.header();
        int sequence = statements.nextSequence(h, head.channelCode(), head.period());
        long newId = statements.insert(h, original.result(), head.period(), sequence, id, actor(), clock.instant());
        audit.record("INCENTIVE_STATEMENT_CORRECTION_OPENED", "statement:" + newId, Map.of("corrects", id,
                "sequence", sequence));
        return statement(newId);
    }

    private Statement advance(Statement statement, StatementHeader next, String action) {
        StatementStatus from = statement.header().status();
        if (!statements.advance(CurrentUser.hospitalId(), next, from)) {
            throw new WorkflowRefusal("concurrent", "statement " + next.id() + " changed meanwhile; reload it");
        }
        audit.record(action, "statement:" + next.id(), Map.of("status", AuditLog.change(from.name(),
                next.status().name()), "total", statement.total()));
        return statement(next.id());
    }

    private static String actor() {
        return CurrentUser.require().getUsername();
    }
}
