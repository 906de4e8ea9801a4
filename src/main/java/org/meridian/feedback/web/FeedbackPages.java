package org.meridian.feedback.web;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.shared.NamedValues;
import org.meridian.shared.web.Downloads;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.feedback.FeedbackReport;
import org.meridian.feedback.FeedbackReporting;
import org.meridian.feedback.FeedbackVisibility;
import org.meridian.feedback.PdfFontMissingException;
import org.meridian.feedback.ReportContent;
import org.meridian.feedback.ReportPdf;
import org.meridian.feedback.ReportSheet;
import jakarta.servlet.http.HttpServletResponse;

import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemPage;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.tenant.SmallSampleThreshold;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feedback pages: for the office (ANALYST and above) the published evaluations with how far their reports
 * reached the channels, and per evaluation each channel's report with its delivery status (filterable to the
 * unacknowledged); for a channel's own actor its reports. The report page {@code /feedback/reports/{id}} and its
 * PDF are the same for both; a channel actor's first opening records the view, and only the channel's actor
 * acknowledges it.
 */
@Controller
@RequestMapping("/feedback")
@ProblemPage(value = PdfFontMissingException.class, view = "feedback/no-font", activeNav = "feedback")
@PreAuthorize("hasRole('ANALYST') or hasRole('CHANNEL_USER')")
class FeedbackPages {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FeedbackReporting reports;
    private final EvaluationResults evaluations;
    private final ReportPdf pdf;
    private final Hospitals hospitals;
    private final MessageSource messages;
    private final ProblemTexts texts;
    private final JsonMapper json;
    private final SmallSampleThreshold smallSamples;

    FeedbackPages(FeedbackReporting reports, EvaluationResults evaluations, ReportPdf pdf, Hospitals hospitals,
                  MessageSource messages, ProblemTexts texts, JsonMapper json, SmallSampleThreshold smallSamples) {
        this.smallSamples = smallSamples;
        this.reports = reports;
        this.evaluations = evaluations;
        this.pdf = pdf;
        this.hospitals = hospitals;
        this.messages = messages;
        this.texts = texts;
        this.json = json;
    }

    /** One report in a list: who, what, and its delivery status with times formatted for the hospital. */
    record ReportRow(long id, String channel, String channelName, String period, String unitType, int version,
                     String total, String rank, String tier, String status, String generatedAt, String viewedAt,
                     String viewedBy, String acknowledgedAt, String acknowledgedBy, String confirmedBy) {
    }

    @GetMapping
    String index(Actor actor, @RequestParam(defaultValue = "") String unitType,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        UnitType type = java.util.Arrays.stream(UnitType.values()).filter(t -> t.name().equals(unitType))
                .findFirst().orElse(null);
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("office", FeedbackVisibility.office(actor));
        model.addAttribute("deliveries", reports.deliveries(actor, type, Math.max(page, 0), Paged.DEFAULT_SIZE));
        model.addAttribute("unitType", type == null ? "" : type.name());
        model.addAttribute("unitTypes", UnitType.values());
        ZoneId zone = zone(actor);
        model.addAttribute("mine", reports.mine(actor).stream().map(r -> row(r, zone)).toList());
        model.addAttribute("manager", manager(actor));
        return "feedback/index";
    }

    @GetMapping("/evaluations/{evaluationId}")
    @PreAuthorize("hasRole('ANALYST')")
    String ofEvaluation(Actor actor, @PathVariable long evaluationId,
                        @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String q,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        Evaluation e = evaluations.get(actor, evaluationId);
        boolean unacknowledged = "unacknowledged".equals(status);
        ZoneId zone = zone(actor);
        String query = q.strip().toLowerCase(Locale.ROOT);
        List<FeedbackReport> found = reports.ofEvaluation(actor, evaluationId, unacknowledged).stream()
                .filter(r -> query.isEmpty() || r.content().channelCode().toLowerCase(Locale.ROOT).contains(query)
                        || r.content().channelName().toLowerCase(Locale.ROOT).contains(query))
                .toList();
        Paged<ReportRow> rows = Paged.slice(found, Math.max(page, 0), Paged.DEFAULT_SIZE).map(r -> row(r, zone));
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("evaluation", e);
        model.addAttribute("rows", rows);
        model.addAttribute("q", q.strip());
        model.addAttribute("status", unacknowledged ? "unacknowledged" : "");
        model.addAttribute("generated", reports.ofEvaluation(actor, evaluationId, false).size());
        model.addAttribute("manager", manager(actor));
        return "feedback/evaluation";
    }

    @PostMapping("/evaluations/{evaluationId}/generate")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String generate(Actor actor, @PathVariable long evaluationId,
                    RedirectAttributes redirect) {
        evaluations.get(actor, evaluationId);
        try {
            int made = reports.generate(actor, evaluationId);
            redirect.addFlashAttribute("successKey", "feedback.flash.generated");
            redirect.addFlashAttribute("successArg", made);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", "feedback.error.draft");
        }
        return "redirect:/feedback/evaluations/" + evaluationId;
    }

    @GetMapping("/reports/{id}")
    String report(Actor actor, @PathVariable long id, Model model, Locale locale, HttpServletResponse response) {
        FeedbackReport r;
        try {
            r = reports.open(actor, id);
        } catch (NotFoundException e) {
            // the module's own "not found" page, kept for the browser (docs/development.md, Errors)
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("activeNav", "feedback");
            return "feedback/not-found";
        }
        boolean english = "en".equals(locale.getLanguage());
        ReportContent c = r.content();
        ZoneId zone = zone(actor);
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("report", r);
        model.addAttribute("row", row(r, zone));
        model.addAttribute("reportContent", c);
        model.addAttribute("sheet", ReportSheet.of(c, english, smallSamples.of(actor.hospitalId())));
        model.addAttribute("publishedAt", time(c.publishedAt(), zone));
        model.addAttribute("office", FeedbackVisibility.office(actor));
        model.addAttribute("canAcknowledge", FeedbackVisibility.channelUser(actor) && r.acknowledgedAt() == null);
        // the report's own channel may appeal its result: the appeal form of this evaluation, for its channel
        model.addAttribute("canAppeal", FeedbackVisibility.channelUser(actor));
        model.addAttribute("canConfirm", FeedbackReporting.canConfirm(actor, r));
        var supersession = reports.supersededBy(actor, r);
        model.addAttribute("supersession", supersession.orElse(null));
        model.addAttribute("supersededAt", supersession.map(x -> time(x.publishedAt(), zone)).orElse(null));
        model.addAttribute("trend", json.writeValueAsString(trend(c, messages.getMessage("feedback.total", null,
                locale))));
        return "feedback/report";
    }

    @GetMapping("/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable long id, Locale locale) {
        ReportPdf.PdfFile file = pdf.render(actor, id, locale);
        return Downloads.inline(MediaType.APPLICATION_PDF, file.name(), file.bytes());
    }

    /**
     * A channel's user acknowledges its report; the office records a department's or institution's confirmation
     * (确认人 in {@code confirmedBy}); a missing or too long name comes back beside the field, with what was typed.
     */
    @PostMapping("/reports/{id}/acknowledge")
    @PreAuthorize("hasRole('CHANNEL_USER') or hasRole('CHANNEL_MANAGER')")
    String acknowledge(Actor actor, @PathVariable long id, @RequestParam(required = false) String confirmedBy,
                       RedirectAttributes redirect) {
        if (FeedbackVisibility.channelUser(actor)) {
            reports.acknowledge(actor, id);
            redirect.addFlashAttribute("successKey", "feedback.flash.acknowledged");
            return "redirect:/feedback/reports/" + id;
        }
        try {
            reports.confirmForUnit(actor, id, confirmedBy);
            redirect.addFlashAttribute("successKey", "feedback.flash.confirmed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("confirmError", texts.text(e.problems().get(0)));
            redirect.addFlashAttribute("confirmedBy", confirmedBy);
        }
        return "redirect:/feedback/reports/" + id;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ReportRow row(FeedbackReport r, ZoneId zone) {
        ReportContent c = r.content();
        return new ReportRow(r.id(), c.channelCode(), c.channelName(), c.period(), c.unitType(), c.version(),
                c.total() == null ? "—" : c.total().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                c.rank() == null ? "—" : c.rank() + " / " + c.units(), c.tier(), r.status().name(),
                time(r.generatedAt(), zone), time(r.viewedAt(), zone), r.viewedBy(), time(r.acknowledgedAt(), zone),
                r.acknowledgedBy(), r.confirmedBy());
    }

    private static Map<String, Object> trend(ReportContent c, String label) {
        Map<String, Object> o = NamedValues.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 36, "right", 12, "top", 20, "bottom", 30),
                "xAxis", Map.of("type", "category", "data", c.trend().stream().map(ReportContent.Point::period)
                        .toList()),
                "yAxis", Map.of("type", "value", "min", 0, "max", 100));
        o.put("series", List.of(Map.of("type", "line", "name", label, "symbolSize", 8, "label", Map.of("show", true),
                "data", c.trend().stream().map(p -> p.total() == null ? (Object) "-"
                        : p.total().setScale(2, RoundingMode.HALF_UP)).toList())));
        return o;
    }

    private ZoneId zone(Actor actor) {
        return hospitals.find(actor.hospitalId()).map(h -> h.timeZone()).orElse(ZoneId.of("Asia/Shanghai"));
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : at.atZone(zone).format(MINUTES);
    }

    private static boolean manager(Actor actor) {
        return actor.roles().stream().anyMatch(r -> r == org.meridian.shared.security.Role.ADMIN
                || r == org.meridian.shared.security.Role.HOSPITAL_MANAGER
                || r == org.meridian.shared.security.Role.CHANNEL_MANAGER);
    }
}
