package org.meridian.incentive;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.ClaimedResult;
import org.meridian.incentive.rules.IncentiveCalculator;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.incentive.rules.ManualAdjustment;
import org.meridian.incentive.rules.StatementLine;
import org.meridian.shared.problem.Problem;
import org.meridian.incentive.statements.StatementHeader;
import org.meridian.incentive.statements.StatementStatus;
import org.meridian.incentive.statements.WorkflowRefusal;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.meridian.incentive.rules.IncentiveProblem;

/**
 * The statement workflow (结算单): statements drafted from published evaluations or prepared by hand, adjusted while
 * DRAFT, reviewed and approved by four eyes, paid, and corrected by a correcting statement; read by the office, and
 * by a channel's own user only its APPROVED and PAID statements. Every call works in the actor's hospital, and
 * every change is written to the audit log in the same transaction; a step that concerns someone else is told to
 * other modules ({@link StatementMoved}).
 */
@Service
@Transactional
public class StatementWorkflow {

    /** The statuses a channel sees of its own statements: what the hospital has approved. */
    public static final List<StatementStatus> CHANNEL_VISIBLE = List.of(StatementStatus.APPROVED, StatementStatus.PAID);

    private final IncentiveRules rules;
    private final Statements statements;
    private final AuditLog audit;
    private final StatementWorkbook workbook;
    private final ChannelRegistry channels;
    private final EvaluationDrafting drafting;
    private final org.meridian.evaluation.EvaluationResults evaluations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StatementWorkflow(IncentiveRules rules, Statements statements, AuditLog audit, StatementWorkbook workbook,
                      ChannelRegistry channels, EvaluationDrafting drafting,
                      org.meridian.evaluation.EvaluationResults evaluations, Clock clock,
                      ApplicationEventPublisher events) {
        this.events = events;
        this.evaluations = evaluations;
        this.rules = rules;
        this.statements = statements;
        this.audit = audit;
        this.workbook = workbook;
        this.channels = channels;
        this.drafting = drafting;
        this.clock = clock;
    }

    /** The hospital's statements (superseded drafts left out), newest period first; of one period when given. */
    @Transactional(readOnly = true)
    public List<StatementSummary> statements(Actor actor, String period) {
        return statements.list(actor.hospitalId(), period, null, null);
    }

    /**
     * One page of the hospital's statements for the office's list: the filter's period, channel (its code or part of
     * its name or code) and status; superseded statements only when that status is asked for.
     */
    @Transactional(readOnly = true)
    public org.meridian.shared.web.Paged<StatementSummary> statements(Actor actor, StatementFilter filter, int size) {
        List<String> codes = filter.channel() == null ? null
                : matching(channels, actor, statements.channelCodes(actor.hospitalId()), filter.channel());
        return statements.page(actor.hospitalId(), filter.period(), codes, filter.status(), filter.page(), size);
    }

    /** The periods that have statements, the latest first. */
    @Transactional(readOnly = true)
    public List<String> statementPeriods(Actor actor) {
        return statements.periods(actor.hospitalId());
    }

    /** The names of these channels (code → name), for lists that show statements or sanctions. */
    public Map<String, String> channelNames(Actor actor, java.util.Collection<String> codes) {
        return channels.names(actor, codes);
    }

    /** The codes among {@code codes} whose code or channel name contains {@code text} (case ignored). */
    static List<String> matching(ChannelRegistry channels, Actor actor, List<String> codes, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        Map<String, String> names = channels.names(actor, codes);
        return codes.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains(wanted)
                || names.getOrDefault(c, "").toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    /**
     * The APPROVED and PAID statements of a channel user's own channel; nothing for an actor without a channel.
     * Drafts, reviewed and superseded statements and other channels' statements are never listed.
     */
    @Transactional(readOnly = true)
    public List<StatementSummary> ownStatements(Actor actor) {
        return ownChannelCode(actor).map(code -> statements.list(actor.hospitalId(), null, code, CHANNEL_VISIBLE))
                .orElse(List.of());
    }

    /** One of {@link #ownStatements}; anything else is not found (404), as if it did not exist. */
    @Transactional(readOnly = true)
    public Statement ownStatement(Actor actor, long id) {
        Optional<String> code = ownChannelCode(actor);
        return statements.find(actor.hospitalId(), id)
                .filter(s -> code.isPresent() && code.get().equals(s.header().channelCode()))
                .filter(s -> CHANNEL_VISIBLE.contains(s.header().status()))
                .orElseThrow(() -> new IncentiveNotFound("statement", id));
    }

    /** The XLSX of one of the channel's own statements. */
    @Transactional(readOnly = true)
    public byte[] ownWorkbook(Actor actor, long id, Locale locale) {
        return workbook.write(ownStatement(actor, id), locale);
    }

    /**
     * The statements waiting for this person's step (待办): to review, for the channel office (the role
     * CHANNEL_MANAGER held directly), the DRAFTs; to approve, for a hospital manager (or an administrator), the
     * REVIEWED ones — each only when the four-eyes rule lets this person take that step
     * ({@link StatementHeader#mayNotTakeNextStep()}), so never what they prepared. Nothing for anyone else; a
     * statement leaves once its step is taken.
     */
    @Transactional(readOnly = true)
    public List<WaitingStatement> waitingFor(Actor actor) {
        boolean reviews = actor.roles().contains(org.meridian.shared.security.Role.CHANNEL_MANAGER);
        boolean approves = actor.has(org.meridian.shared.security.Role.HOSPITAL_MANAGER);
        if (!reviews && !approves) {
            return List.of();
        }
        var waiting = statements.waiting(actor.hospitalId()).stream()
                .filter(e -> e.getKey().status() == StatementStatus.DRAFT ? reviews : approves)
                .filter(e -> !e.getKey().mayNotTakeNextStep().contains(actor.username()))
                .toList();
        Map<String, String> names = channels.names(actor, waiting.stream().map(e -> e.getKey().channelCode())
                .distinct().toList());
        return waiting.stream().map(e -> new WaitingStatement(e.getKey(),
                names.getOrDefault(e.getKey().channelCode(), e.getKey().channelCode()), e.getValue())).toList();
    }

    private Optional<String> ownChannelCode(Actor actor) {
        if (actor.channelId() == null) {
            return Optional.empty();
        }
        return channels.find(actor, actor.channelId()).map(ChannelRef::code);
    }

    /**
     * The problems of a channel code (and, when given, its unit type) against the channel register: a code that
     * is missing or unknown in the hospital, or a unit type other than the channel's. Fields are
     * {@code channelCode} and {@code unitType}.
     */
    @Transactional(readOnly = true)
    public List<Problem> channelProblems(Actor actor, String channelCode, UnitType unitType) {
        if (channelCode == null || channelCode.isBlank()) {
            return List.of(IncentiveProblem.of("channelCode", "incentive.v.channelRequired"));
        }
        Optional<ChannelRef> channel = channels.findByCode(actor, channelCode.strip());
        if (channel.isEmpty()) {
            return List.of(IncentiveProblem.of("channelCode", "incentive.v.channelUnknown", channelCode.strip()));
        }
        if (unitType != null && channel.get().type() != unitType) {
            return List.of(Problem.of("unitType", "incentive.v.channelType", channel.get().code(),
                    typeName(channel.get().type()), typeName(unitType)));
        }
        return List.of();
    }

    /** A unit type's name, resolved in the reader's language when the problem is answered. */
    private static org.springframework.context.MessageSourceResolvable typeName(UnitType type) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"unitType." + type.name()}, type.name());
    }

    /**
     * Drafts the statements and sanctions of a published evaluation, as on its publication (idempotent: channels
     * already drafted from it are skipped). For a publication whose drafting failed, or rules signed off later.
     */
    public DraftingOutcome draftFromEvaluation(Actor actor, long evaluationId) {
        return drafting.draftAsSystem(actor, evaluationId);
    }

    @Transactional(readOnly = true)
    public Statement statement(Actor actor, long id) {
        return statements.find(actor.hospitalId(), id).orElseThrow(() -> new IncentiveNotFound("statement", id));
    }

    /** The statement as an XLSX workbook for finance, in the reader's language. */
    @Transactional(readOnly = true)
    public byte[] workbook(Actor actor, long id, Locale locale) {
        return workbook.write(statement(actor, id), locale);
    }

    /**
     * A statement prepared by hand (编制) for a channel and period, without a result typed in: its tier, total, rank
     * and measure totals are the channel's scorecard in the newest published evaluation of the period and the
     * channel's type (and the statement names that evaluation), or, when there is none or it did not evaluate the
     * channel, the statement has no evaluation — unrated, no total, no rank — so that only rules that need no result
     * and adjustment lines give it content. Nobody can invent a tier, total or rank this way.
     */
    public Statement prepareByHand(Actor actor, Period period, String channelCode) {
        return prepareByHand(actor, period, channelCode, null);
    }

    /**
     * As {@link #prepareByHand(Actor, Period, String)}, for a client that still sends the result it believes the
     * channel has (the API's {@code result}): every part of {@code claimed} that is given must agree with the
     * published result ({@link ClaimedResult}), else the request is refused (400, one problem per part that
     * disagrees, under {@code result.}) and nothing is prepared. {@code claimed} null: nothing to check.
     */
    public Statement prepareByHand(Actor actor, Period period, String channelCode, ClaimedResult claimed) {
        List<Problem> problems = new java.util.ArrayList<>(channelProblems(actor, channelCode, null));
        if (period == null) {
            problems.add(IncentiveProblem.of("period", "incentive.v.periodRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidIncentiveException(problems);
        }
        ChannelRef channel = channels.findByCode(actor, channelCode.strip()).orElseThrow();
        Optional<org.meridian.evaluation.Evaluation> published = evaluations.search(actor, period, channel.type(), 0,
                100).items().stream().filter(org.meridian.evaluation.Evaluation::published).findFirst();
        Optional<org.meridian.evaluation.UnitScorecard> card = published.flatMap(e ->
                evaluations.scorecard(actor, e.id(), channel.code()));
        ChannelResult result;
        org.meridian.evaluation.Evaluation source = null;
        if (card.isEmpty()) {
            result = new ChannelResult(channel.code(), channel.type(), ChannelResult.UNRATED, null, null, Map.of());
        } else {
            source = published.get();
            org.meridian.evaluation.MeasureTotals frozen = evaluations.measureTotals(actor, source.id())
                    .get(channel.code());
            result = new ChannelResult(channel.code(), channel.type(), card.get().tier(), card.get().total(),
                    card.get().rank(), frozen == null ? Map.of() : frozen.byKey());
        }
        if (claimed != null) {
            List<Problem> disagreements = claimed.disagreements(result, period.toString(),
                    source == null ? null : source.version());
            if (!disagreements.isEmpty()) {
                throw new InvalidIncentiveException(disagreements);
            }
        }
        return prepare(actor, period, result, source);
    }

    private Statement prepare(Actor actor, Period period, ChannelResult result,
                              org.meridian.evaluation.Evaluation source) {
        long h = actor.hospitalId();
        List<Problem> unknown = channelProblems(actor, result.channelCode(), result.unitType());
        if (!unknown.isEmpty()) {
            throw new InvalidIncentiveException(unknown);
        }
        Optional<Long> existing = statements.firstFor(h, result.channelCode(), period.toString());
        if (existing.isPresent()) {
            throw new WorkflowRefusal("exists", "channel " + result.channelCode() + " already has statement "
                    + existing.get() + " for " + period + "; correct that one instead");
        }
        List<StatementLine> lines = IncentiveCalculator.lines(period, result, rules.inEffect(h));
        long id = statements.insert(h, result, period.toString(), 1, null, actor.username(), clock.instant(),
                source == null ? null : source.id(), source == null ? null : source.version(), null);
        Instant at = clock.instant();
        for (StatementLine line : lines) {
            statements.addLine(h, id, line, actor.username(), at);
        }
        Statement statement = statement(actor, id);
        audit.record(actor.hospitalId(), actor.username(), "INCENTIVE_STATEMENT_PREPARED", "statement:" + id, Map.of("channel", result.channelCode(),
                "period", period.toString(), "lines", lines.size(), "total", statement.total()));
        tell(actor, statement, StatementMoved.Stage.PREPARED);
        return statement;
    }

    /** Adds a manual adjustment line to a DRAFT statement; any other statement is refused unchanged. */
    public Statement addAdjustment(Actor actor, long id, ManualAdjustment adjustment) {
        Statement statement = statement(actor, id);
        statement.header().requireDraft();
        statements.addLine(actor.hospitalId(), id, adjustment.toLine(), actor.username(), clock.instant());
        audit.record(actor.hospitalId(), actor.username(), "INCENTIVE_STATEMENT_ADJUSTED", "statement:" + id, Map.of("amount", adjustment.amount(),
                "reason", adjustment.reason()));
        return statement(actor, id);
    }

    /** DRAFT → REVIEWED, by someone other than the preparer. */
    public Statement review(Actor actor, long id) {
        Statement s = statement(actor, id);
        return advance(actor, s, s.header().review(actor, clock.instant()), "INCENTIVE_STATEMENT_REVIEWED");
    }

    /** REVIEWED → APPROVED, by a hospital manager other than the preparer. */
    public Statement approve(Actor actor, long id) {
        Statement s = statement(actor, id);
        return advance(actor, s, s.header().approve(actor, clock.instant()), "INCENTIVE_STATEMENT_APPROVED");
    }

    /** APPROVED → PAID: the payment has been made. */
    public Statement pay(Actor actor, long id) {
        Statement s = statement(actor, id);
        return advance(actor, s, s.header().pay(actor, clock.instant()), "INCENTIVE_STATEMENT_PAID");
    }

    /**
     * Opens a correcting statement for an APPROVED or PAID one: a new DRAFT for the same channel and
     * period, numbered next, naming the original, without lines; the correction is added to it as
     * adjustment lines and it goes through the same four-eyes workflow. The original never changes.
     */
    public Statement correct(Actor actor, long id) {
        Statement original = statement(actor, id);
        original.header().requireCorrectable();
        long h = actor.hospitalId();
        StatementHeader head = original.header();
        int sequence = statements.nextSequence(h, head.channelCode(), head.period());
        long newId = statements.insert(h, original.result(), head.period(), sequence, id, actor.username(), clock.instant());
        audit.record(actor.hospitalId(), actor.username(), "INCENTIVE_STATEMENT_CORRECTION_OPENED", "statement:" + newId, Map.of("corrects", id,
                "sequence", sequence));
        Statement correction = statement(actor, newId);
        tell(actor, correction, StatementMoved.Stage.PREPARED);
        return correction;
    }

    private Statement advance(Actor actor, Statement statement, StatementHeader next, String action) {
        StatementStatus from = statement.header().status();
        if (!statements.advance(actor.hospitalId(), next, from)) {
            throw new WorkflowRefusal("concurrent", "statement " + next.id() + " changed meanwhile; reload it");
        }
        audit.record(action, "statement:" + next.id(), Map.of("status", AuditLog.change(from.name(),
                next.status().name()), "total", statement.total()));
        Statement moved = statement(actor, next.id());
        switch (next.status()) {
            case REVIEWED -> tell(actor, moved, StatementMoved.Stage.REVIEWED);
            case APPROVED -> tell(actor, moved, StatementMoved.Stage.APPROVED);
            default -> { }
        }
        return moved;
    }

    /** Tells other modules of the statement's step ({@link StatementMoved}). */
    private void tell(Actor actor, Statement statement, StatementMoved.Stage stage) {
        StatementHeader head = statement.header();
        ChannelRef channel = channels.findByCode(actor, head.channelCode()).orElseThrow();
        events.publishEvent(new StatementMoved(actor.hospitalId(), head.id(), channel.id(), channel.code(),
                channel.name(), head.period(), head.sequence(), stage, head.mayNotTakeNextStep(), clock.instant()));
    }
}
