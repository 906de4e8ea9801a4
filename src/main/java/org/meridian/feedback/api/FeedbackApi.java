package org.meridian.feedback.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.shared.web.Downloads;
import org.meridian.feedback.DeliveryStatus;
import org.meridian.feedback.FeedbackReport;
import org.meridian.feedback.FeedbackReporting;
import org.meridian.feedback.FeedbackRuleBook;
import org.meridian.feedback.FeedbackVisibility;
import org.meridian.feedback.QuadrantRule;
import org.meridian.feedback.QuadrantRuleDraft;
import org.meridian.feedback.ReportContent;
import org.meridian.feedback.ReportPdf;
import org.meridian.feedback.RuleDraft;
import org.meridian.feedback.SuggestionRule;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feedback reports and suggestion rules over the API (additions to api.md, documented in docs/feedback.md).
 * Reports: a channel actor reads its own channel's (the first read of one records the view) and acknowledges
 * them; ANALYST and above read every report of an evaluation; CHANNEL_MANAGER and above generate missing
 * reports and keep the rules.
 */
@RestController
class FeedbackApi {

    private final FeedbackReporting reports;
    private final FeedbackRuleBook rules;
    private final ReportPdf pdf;

    FeedbackApi(FeedbackReporting reports, FeedbackRuleBook rules, ReportPdf pdf) {
        this.reports = reports;
        this.rules = rules;
        this.pdf = pdf;
    }

    /** A report in a list: who and what, its figures and its delivery status. */
    record ReportSummary(long id, long evaluationId, String channel, String channelName, String period,
                         String unitType, int version, BigDecimal total, Integer rank, int units, String tier,
                         DeliveryStatus status, Instant generatedAt, Instant viewedAt, String viewedBy,
                         Instant acknowledgedAt, String acknowledgedBy, String confirmedBy) {

        static ReportSummary of(FeedbackReport r) {
            ReportContent c = r.content();
            return new ReportSummary(r.id(), r.evaluationId(), c.channelCode(), c.channelName(), c.period(),
                    c.unitType(), c.version(), ReportContentJson.total(c.total()), c.rank(), c.units(), c.tier(),
                    r.status(), r.generatedAt(), r.viewedAt(), r.viewedBy(), r.acknowledgedAt(), r.acknowledgedBy(),
                    r.confirmedBy());
        }
    }

    /** A whole report: the summary and its content. */
    record ReportDetail(ReportSummary report, ReportContentJson content) {
    }

    @GetMapping("/api/v1/feedback-reports")
    @PreAuthorize("hasRole('ANALYST') or hasRole('CHANNEL_USER')")
    Map<String, Object> list(Actor actor,
                             @RequestParam(required = false) Long evaluationId,
                             @RequestParam(required = false) String status) {
        boolean unacknowledged = false;
        if (status != null && !status.isBlank()) {
            if (!"unacknowledged".equals(status)) {
                throw new InvalidInputException("feedback", Problem.of("status", "feedback.error.status", status));
            }
            unacknowledged = true;
        }
        List<FeedbackReport> found;
        if (evaluationId != null) {
            found = reports.ofEvaluation(actor, evaluationId, unacknowledged);
        } else if (FeedbackVisibility.office(actor)) {
            throw new InvalidInputException("feedback", Problem.of("evaluationId", "feedback.error.required"));
        } else {
            boolean only = unacknowledged;
            found = reports.mine(actor).stream().filter(r -> !only || r.acknowledgedAt() == null).toList();
        }
        return Map.of("items", found.stream().map(ReportSummary::of).toList(), "total", found.size());
    }

    @GetMapping("/api/v1/feedback-reports/{id}")
    @PreAuthorize("hasRole('ANALYST') or hasRole('CHANNEL_USER')")
    ReportDetail get(Actor actor, @PathVariable long id) {
        FeedbackReport r = reports.open(actor, id);
        return new ReportDetail(ReportSummary.of(r), ReportContentJson.of(r.content()));
    }

    @GetMapping("/api/v1/feedback-reports/{id}/pdf")
    @PreAuthorize("hasRole('ANALYST') or hasRole('CHANNEL_USER')")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long id, Locale locale) {
        ReportPdf.PdfFile file = pdf.render(actor, id, locale);
        return Downloads.attachment(MediaType.APPLICATION_PDF, file.name(), file.bytes());
    }

    /** What the office sends to record a department's or institution's confirmation. */
    record Confirmation(String confirmedBy) {
    }

    /**
     * A channel's user acknowledges its channel's report (no body); the office (CHANNEL_MANAGER and above) records
     * that a department or institution confirmed receiving its report, {@code {"confirmedBy": "王主任"}}.
     */
    @PostMapping("/api/v1/feedback-reports/{id}/acknowledge")
    @PreAuthorize("hasRole('CHANNEL_USER') or hasRole('CHANNEL_MANAGER')")
    ReportSummary acknowledge(Actor actor, @PathVariable long id,
                              @RequestBody(required = false) Confirmation body) {
        if (FeedbackVisibility.channelUser(actor)) {
            return ReportSummary.of(reports.acknowledge(actor, id));
        }
        return ReportSummary.of(reports.confirmForUnit(actor, id, body == null ? null : body.confirmedBy()));
    }

    @PostMapping("/api/v1/evaluations/{evaluationId}/feedback-reports")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> generate(Actor actor, @PathVariable long evaluationId) {
        int made = reports.generate(actor, evaluationId);
        return Map.of("evaluationId", evaluationId, "generated", made,
                "reports", reports.ofEvaluation(actor, evaluationId, false).size());
    }

    // ---- rules ---------------------------------------------------------------------------------

    /** A rule as sent: {@code below} is a number (or its text); {@code enabled} only on PUT, optional. */
    record RuleBody(String indicatorCode, String below, String textZh, String textEn, Boolean enabled) {

        RuleDraft draft() {
            return new RuleDraft(indicatorCode, below, textZh, textEn);
        }
    }

    @GetMapping("/api/v1/feedback-rules")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> rules(Actor actor) {
        List<SuggestionRule> all = rules.all(actor);
        return Map.of("items", all, "total", all.size());
    }

    @PostMapping("/api/v1/feedback-rules")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<SuggestionRule> create(Actor actor, @RequestBody RuleBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rules.create(actor, body.draft()));
    }

    @PutMapping("/api/v1/feedback-rules/{id}")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    SuggestionRule update(Actor actor, @PathVariable long id,
                          @RequestBody RuleBody body) {
        rules.get(actor, id);
        SuggestionRule r = rules.update(actor, id, body.draft());
        if (body.enabled() != null) {
            r = rules.setEnabled(actor, id, body.enabled());
        }
        return r;
    }

    record QuadrantRuleBody(String quadrant, String textZh, String textEn, Boolean enabled) {
    }

    @GetMapping("/api/v1/feedback-rules/quadrants")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> quadrantRules(Actor actor) {
        List<QuadrantRule> all = rules.quadrantRules(actor);
        return Map.of("items", all, "total", all.size());
    }

    @PutMapping("/api/v1/feedback-rules/quadrants")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    QuadrantRule changeQuadrantRule(Actor actor, @RequestBody QuadrantRuleBody body) {
        return rules.changeQuadrantRule(actor, new QuadrantRuleDraft(body.quadrant(), body.textZh(), body.textEn()),
                body.enabled());
    }
}
