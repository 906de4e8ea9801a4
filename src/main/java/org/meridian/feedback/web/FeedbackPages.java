package org.meridian.feedback.web;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationConflictException;
import org.meridian.evaluation.EvaluationNotFoundException;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.feedback.FeedbackReport;
import org.meridian.feedback.FeedbackReportNotFoundException;
import org.meridian.feedback.FeedbackReports;
import org.meridian.feedback.PdfFontMissingException;
import org.meridian.feedback.ReportContent;
import org.meridian.feedback.ReportPdf;
import org.meridian.feedback.ReportSheet;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feedback pages: for the office (ANALYST and above) the published evaluations with how far their reports
 * reached the channels, and per evaluation each channel's report with its delivery status (filterable to the
 * unacknowledged); for a channel's own user its reports. The report page {@code /feedback/reports/{id}} and its
 * PDF are the same for both; a channel user's first opening records the view, and only the channel's user
 * acknowledges it.
 */
@Controller
@RequestMapping("/feedback")
@PreAuthorize("hasRole('ANALYST') or hasRole('CHANNEL_USER')")
class FeedbackPages {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FeedbackReports reports;
    private final EvaluationResults evaluations;
    private final ReportPdf pdf;
    private final Hospitals hospitals;
    private final MessageSource messages;
    private final JsonMapper json;

    FeedbackPages(FeedbackReports reports, EvaluationResults evaluations, ReportPdf pdf, Hospitals hospitals,
                  MessageSource messages, JsonMapper json) {
        this.reports = reports;
        this.evaluations = evaluations;
        this.pdf = pdf;
        this.hospitals = hospitals;
        this.messages = messages;
        this.json = json;
    }

    /** One report in a list: who, what, and its delivery status with times formatted for the hospital. */
    record ReportRow(long id, String channel, String channelName, String period, String unitType, int version,
                     String total, String rank, String tier, String status, String generatedAt, String viewedAt,
                     String viewedBy, String acknowledgedAt, String acknowledgedBy) {
    }

    @GetMapping
    String index(@AuthenticationPrincipal MeridianUser user, Model model) {
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("office", FeedbackReports.office(user));
        model.addAttribute("deliveries", reports.deliveries(user));
        ZoneId zone = zone(user);
        model.addAttribute("mine", reports.mine(user).stream().map(r -> row(r, zone)).toList());
        model.addAttribute("manager", manager(user));
        return "feedback/index";
    }

    @GetMapping("/evaluations/{evaluationId}")
    @PreAuthorize("hasRole('ANALYST')")
    String ofEvaluation(@AuthenticationPrincipal MeridianUser user, @PathVariable long evaluationId,
                        @RequestParam(defaultValue = "") String status, Model model) {
        Evaluation e = evaluations.get(user.actor(), evaluationId);
        boolean unacknowledged = "unacknowledged".equals(status);
        ZoneId zone = zone(user);
        List<ReportRow> rows = reports.ofEvaluation(user, evaluationId, unacknowledged).stream()
                .map(r -> row(r, zone)).toList();
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("evaluation", e);
        model.addAttribute("rows", rows);
        model.addAttribute("status", unacknowledged ? "unacknowledged" : "");
        model.addAttribute("generated", reports.ofEvaluation(user, evaluationId, false).size());
        model.addAttribute("manager", manager(user));
        return "feedback/evaluation";
    }

    @PostMapping("/evaluations/{evaluationId}/generate")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String generate(@AuthenticationPrincipal MeridianUser user, @PathVariable long evaluationId,
                    RedirectAttributes redirect) {
        evaluations.get(user.actor(), evaluationId);
        try {
            int made = reports.generate(user.hospitalId(), user.getUsername(), evaluationId);
            redirect.addFlashAttribute("successKey", "feedback.flash.generated");
            redirect.addFlashAttribute("successArg", made);
        } catch (EvaluationConflictException e) {
            redirect.addFlashAttribute("errorKey", "feedback.error.draft");
        }
        return "redirect:/feedback/evaluations/" + evaluationId;
    }

    @GetMapping("/reports/{id}")
    String report(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, Model model, Locale locale) {
        FeedbackReport r = reports.open(user, id);
        boolean english = "en".equals(locale.getLanguage());
        ReportContent c = r.content();
        ZoneId zone = zone(user);
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("report", r);
        model.addAttribute("row", row(r, zone));
        model.addAttribute("reportContent", c);
        model.addAttribute("sheet", ReportSheet.of(c, english));
        model.addAttribute("publishedAt", time(c.publishedAt(), zone));
        model.addAttribute("office", FeedbackReports.office(user));
        model.addAttribute("canAcknowledge", FeedbackReports.channelUser(user) && r.acknowledgedAt() == null);
        model.addAttribute("trend", json.writeValueAsString(trend(c, messages.getMessage("feedback.total", null,
                locale))));
        return "feedback/report";
    }

    @GetMapping("/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, Locale locale) {
        ReportPdf.PdfFile file = pdf.render(user, id, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.name()).build().toString())
                .body(file.bytes());
    }

    @PostMapping("/reports/{id}/acknowledge")
    @PreAuthorize("hasRole('CHANNEL_USER')")
    String acknowledge(@AuthenticationPrincipal MeridianUser user, @PathVariable long id,
                       RedirectAttributes redirect) {
        reports.acknowledge(user, id);
        redirect.addFlashAttribute("successKey", "feedback.flash.acknowledged");
        return "redirect:/feedback/reports/" + id;
    }

    @ExceptionHandler({FeedbackReportNotFoundException.class, EvaluationNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("activeNav", "feedback");
        return "feedback/not-found";
    }

    @ExceptionHandler(PdfFontMissingException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String noFont(PdfFontMissingException e, Model model) {
        model.addAttribute("searched", e.searched());
        return "feedback/no-font";
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ReportRow row(FeedbackReport r, ZoneId zone) {
        ReportContent c = r.content();
        return new ReportRow(r.id(), c.channelCode(), c.channelName(), c.period(), c.unitType(), c.version(),
                c.total() == null ? "—" : c.total().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                c.rank() == null ? "—" : c.rank() + " / " + c.units(), c.tier(), r.status().name(),
                time(r.generatedAt(), zone), time(r.viewedAt(), zone), r.viewedBy(), time(r.acknowledgedAt(), zone),
                r.acknowledgedBy());
    }

    private static Map<String, Object> trend(ReportContent c, String label) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("grid", Map.of("left", 36, "right", 12, "top", 20, "bottom", 30));
        o.put("xAxis", Map.of("type", "category", "data", c.trend().stream().map(ReportContent.Point::period)
                .toList()));
        o.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        o.put("series", List.of(Map.of("type", "line", "name", label, "symbolSize", 8, "label", Map.of("show", true),
                "data", c.trend().stream().map(p -> p.total() == null ? (Object) "-"
                        : p.total().setScale(2, RoundingMode.HALF_UP)).toList())));
        return o;
    }

    private ZoneId zone(MeridianUser user) {
        return hospitals.find(user.hospitalId()).map(h -> h.timeZone()).orElse(ZoneId.of("Asia/Shanghai"));
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : at.atZone(zone).format(MINUTES);
    }

    private static boolean manager(MeridianUser user) {
        return user.roles().stream().anyMatch(r -> r == org.meridian.shared.security.Role.ADMIN
                || r == org.meridian.shared.security.Role.HOSPITAL_MANAGER
                || r == org.meridian.shared.security.Role.CHANNEL_MANAGER);
    }
}
