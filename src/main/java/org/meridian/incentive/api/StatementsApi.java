package org.meridian.incentive.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.incentive.StatementFilter;
import org.meridian.incentive.Explanations;
import org.meridian.incentive.Statement;
import org.meridian.incentive.StatementSummary;
import org.meridian.incentive.StatementWorkflow;
import org.meridian.incentive.StoredLine;
import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.ClaimedResult;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.incentive.rules.ManualAdjustment;
import org.meridian.incentive.rules.PeriodText;
import org.meridian.shared.Money;
import org.meridian.shared.Period;
import org.meridian.shared.problem.Problem;
import org.meridian.incentive.statements.StatementHeader;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.meridian.incentive.rules.IncentiveProblem;

/** Statements: prepare, adjust, review, approve, pay, correct, read, export as XLSX. */
@RestController
@RequestMapping("/api/v1/statements")
class StatementsApi {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatementWorkflow statements;
    private final Explanations texts;

    StatementsApi(StatementWorkflow statements, Explanations texts) {
        this.statements = statements;
        this.texts = texts;
    }

    /** A channel's evaluation result as a statement holds it (and as older clients still send it, to be checked). */
    record ResultJson(String channelCode, String unitType, String tier, BigDecimal total, Integer rank,
                      Map<String, BigDecimal> measureTotals) {
    }

    /**
     * A statement to prepare by hand: the period and the channel. {@code result} is what older clients send (the
     * channel then in {@code result.channelCode}); it is only checked against the published evaluation.
     */
    record PrepareRequest(String period, String channelCode, ResultJson result) {
    }

    record AdjustmentRequest(BigDecimal amount, String reason) {
    }

    record LineJson(int lineNo, String ruleType, String ruleCode, Integer ruleVersion, String basisLabel,
                    BigDecimal basis, BigDecimal rate, BigDecimal amount, Integer quantity, String benefit,
                    String explanation, String reason, String createdBy, Instant createdAt) {
    }

    record StatementJson(long id, String channelCode, String unitType, String period, int sequence, Long corrects,
                         String status, String preparedBy, Instant preparedAt, String reviewedBy, Instant reviewedAt,
                         String approvedBy, Instant approvedAt, String paidBy, Instant paidAt, ResultJson result,
                         List<LineJson> lines, BigDecimal total, String currency, Long evaluationId,
                         Integer evaluationVersion, Long replaces, Long supersededBy) {
    }

    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    Paged<StatementSummary> list(Actor actor, @RequestParam(required = false) String period,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        Paged.check(page, size);
        return statements.statements(actor, new StatementFilter(period, null, null, page), size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    StatementJson one(Actor actor, @PathVariable long id, Locale locale) {
        return json(statements.statement(actor, id), locale);
    }

    @GetMapping("/{id}/xlsx")
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<byte[]> xlsx(Actor actor, @PathVariable long id, Locale locale) {
        Statement s = statements.statement(actor, id);
        String name = "statement-" + s.header().channelCode() + "-" + s.header().period() + "-"
                + s.header().sequence() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(statements.workbook(actor, id, locale));
    }

    /**
     * Prepares a statement by hand: its result is the channel's scorecard in the period's newest published
     * evaluation, or none (unrated). A {@code result} in the body must agree with that, part by part, or the
     * request is refused naming each part that disagrees, and nothing is stored (docs/incentives.md).
     */
    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<StatementJson> prepare(Actor actor, @RequestBody PrepareRequest request, Locale locale) {
        List<Problem> problems = new ArrayList<>();
        Period period = PeriodText.read(request.period(), "period", problems).orElse(null);
        ResultJson r = request.result();
        String code = request.channelCode();
        boolean fromResult = false;
        if (r != null && (code == null || code.isBlank())) {
            code = r.channelCode();   // an older client names the channel in its result
            fromResult = true;
        } else if (r != null && r.channelCode() != null && !r.channelCode().isBlank()) {
            if (!code.strip().equals(r.channelCode().strip())) {
                problems.add(IncentiveProblem.of("result.channelCode", "incentive.v.channelTwice", code.strip(),
                        r.channelCode().strip()));
            }
        }
        UnitType unitType = null;
        ClaimedResult claimed = null;
        if (r != null) {
            if (r.unitType() != null) {
                try {
                    unitType = UnitType.valueOf(r.unitType().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(IncentiveProblem.of("result.unitType", "incentive.v.unknownValue", "unitType",
                            r.unitType(), java.util.Arrays.toString(UnitType.values())));
                }
            }
            try {
                claimed = new ClaimedResult(r.tier(), r.total(), r.rank(), r.measureTotals());
            } catch (InvalidIncentiveException e) {
                e.problems().forEach(p -> problems.add(p.under("result")));
            }
        }
        for (Problem p : statements.channelProblems(actor, code, unitType)) {
            // the code's problem on the field it came from; the unit type only comes with a result
            problems.add(p.path().equals("channelCode") && !fromResult ? p : p.under("result"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidIncentiveException(problems);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(json(statements.prepareByHand(actor, period, code, claimed), locale));
    }

    /** What drafting a published evaluation did (see {@code docs/incentives.md}). */
    @PostMapping("/from-evaluation/{evaluationId}")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    org.meridian.incentive.DraftingOutcome fromEvaluation(Actor actor, @PathVariable long evaluationId) {
        return statements.draftFromEvaluation(actor, evaluationId);
    }

    @PostMapping("/{id}/adjustments")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    StatementJson adjust(Actor actor, @PathVariable long id, @RequestBody AdjustmentRequest request, Locale locale) {
        return json(statements.addAdjustment(actor, id, new ManualAdjustment(request.amount(), request.reason())), locale);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    StatementJson review(Actor actor, @PathVariable long id, Locale locale) {
        return json(statements.review(actor, id), locale);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    StatementJson approve(Actor actor, @PathVariable long id, Locale locale) {
        return json(statements.approve(actor, id), locale);
    }

    @PostMapping("/{id}/pay")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    StatementJson pay(Actor actor, @PathVariable long id, Locale locale) {
        return json(statements.pay(actor, id), locale);
    }

    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<StatementJson> correct(Actor actor, @PathVariable long id, Locale locale) {
        return ResponseEntity.status(HttpStatus.CREATED).body(json(statements.correct(actor, id), locale));
    }

    private StatementJson json(Statement s, Locale locale) {
        StatementHeader h = s.header();
        ChannelResult r = s.result();
        List<LineJson> lines = new ArrayList<>();
        for (StoredLine stored : s.lines()) {
            var l = stored.line();
            lines.add(new LineJson(stored.lineNo(), l.ruleType().name(), l.ruleCode(), l.ruleVersion(), l.basisLabel(),
                    l.basis(), l.rate(), l.amount(), l.quantity(), l.benefit(), texts.render(l.explanation(), locale),
                    l.reason(), stored.createdBy(), stored.createdAt()));
        }
        return new StatementJson(h.id(), h.channelCode(), r.unitType().name(), h.period(), h.sequence(), h.corrects(),
                h.status().name(), h.preparedBy(), h.preparedAt(), h.reviewedBy(), h.reviewedAt(), h.approvedBy(),
                h.approvedAt(), h.paidBy(), h.paidAt(),
                new ResultJson(r.channelCode(), r.unitType().name(), r.tier(), r.total(), r.rank(), r.measureTotals()),
                lines, s.total(), Money.CURRENCY, s.source().evaluationId(), s.source().evaluationVersion(),
                s.source().replaces(), s.source().supersededBy());
    }
}
