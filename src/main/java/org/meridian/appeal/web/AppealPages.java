package org.meridian.appeal.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.meridian.appeal.Appeal;
import org.meridian.appeal.AppealRefusedException;
import org.meridian.appeal.AppealService;
import org.meridian.appeal.AppealStatus;
import org.meridian.appeal.Attachment;
import org.meridian.appeal.AttachmentPolicy;
import org.meridian.appeal.CorrectedEvents;
import org.meridian.appeal.Decision;
import org.meridian.appeal.NewAppeal;
import org.meridian.channel.ChannelRegistry;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationNotFoundException;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The appeal pages: the list (a channel user sees its own channel's), filing an appeal on an indicator of a
 * published scorecard with a file, one appeal with its deadlines, files, review and decision (the office, never the
 * filer), the corrections and the new evaluation version an upheld appeal led to.
 */
@Controller
@RequestMapping("/appeals")
@PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
class AppealPages {

    private final AppealService appeals;
    private final EvaluationResults evaluations;
    private final ChannelRegistry channels;
    private final MessageSource messages;
    private final JsonMapper json;

    AppealPages(AppealService appeals, EvaluationResults evaluations, ChannelRegistry channels,
                MessageSource messages, JsonMapper json) {
        this.appeals = appeals;
        this.evaluations = evaluations;
        this.channels = channels;
        this.messages = messages;
        this.json = json;
    }

    /** One indicator of the scorecard being appealed, formatted. */
    record LineChoice(String code, String value, String score) {
    }

    /** What the decision form holds. */
    record DecisionForm(String decision, String reason, String voids, String events) {
    }

    private static boolean filer(MeridianUser user) {
        return AppealService.office(user) || user.hasRole(org.meridian.shared.security.Role.CHANNEL_USER);
    }

    @GetMapping
    String list(@AuthenticationPrincipal MeridianUser user, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AppealStatus s = null;
        if (status != null && !status.isBlank()) {
            s = Arrays.stream(AppealStatus.values()).filter(x -> x.name().equals(status)).findFirst().orElse(null);
        }
        Paged<Appeal> found = appeals.search(user, s, null, Math.max(page, 0), Paged.DEFAULT_SIZE);
        model.addAttribute("activeNav", nav(user));
        model.addAttribute("appeals", found);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", AppealStatus.values());
        model.addAttribute("now", appeals.currentTime());
        model.addAttribute("canFile", filer(user));
        model.addAttribute("isOffice", AppealService.office(user));
        model.addAttribute("published", evaluations.search(user.actor(), null, null, 0, 200).items().stream()
                .filter(Evaluation::published).toList());
        model.addAttribute("ownChannel", ownChannelCode(user));
        model.addAttribute("settings", appeals.settings(user.hospitalId()));
        return "appeals/list";
    }

    private static String nav(MeridianUser user) {
        return EvaluationVisibility.seesAll(user.actor()) ? "appeals" : "appeals-channel";
    }

    private String ownChannelCode(MeridianUser user) {
        return user.channelId() == null ? null
                : channels.find(user.actor(), user.channelId()).map(c -> c.code()).orElse(null);
    }

    // ---- filing -------------------------------------------------------------------------------

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String newAppeal(@AuthenticationPrincipal MeridianUser user, @RequestParam long evaluation,
                     @RequestParam(required = false) String channel, Model model, Locale locale) {
        String code = AppealService.office(user) ? channel : ownChannelCode(user);
        return form(user, evaluation, code == null ? "" : code.strip(), "", "", Map.of(), null, model, locale);
    }

    private String form(MeridianUser user, long evaluationId, String channel, String indicator, String statement,
                        Map<String, String> errors, String refusal, Model model, Locale locale) {
        Evaluation e = evaluations.get(user.actor(), evaluationId);
        List<LineChoice> lines = new ArrayList<>();
        Optional<UnitScorecard> card = channel.isBlank() ? Optional.empty()
                : evaluations.scorecard(user.actor(), e.id(), channel);
        card.ifPresent(c -> c.indicators().forEach(l -> lines.add(new LineChoice(l.code(), four(l.value()),
                four(l.score())))));
        model.addAttribute("activeNav", nav(user));
        model.addAttribute("evaluation", e);
        model.addAttribute("deadline", appeals.filingDeadline(user.hospitalId(), e).orElse(null));
        model.addAttribute("deadlinePassed", appeals.filingDeadline(user.hospitalId(), e)
                .map(d -> appeals.currentTime().isAfter(d)).orElse(false));
        model.addAttribute("channel", channel);
        model.addAttribute("card", card.orElse(null));
        model.addAttribute("lines", lines);
        model.addAttribute("indicator", indicator);
        model.addAttribute("statement", statement);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("isOffice", AppealService.office(user));
        model.addAttribute("maxMb", AttachmentPolicy.MAX_BYTES / 1024 / 1024);
        model.addAttribute("maxFiles", AttachmentPolicy.MAX_FILES);
        return "appeals/new";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String file(@AuthenticationPrincipal MeridianUser user, @RequestParam long evaluationId,
                @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String indicator,
                @RequestParam(defaultValue = "") String statement,
                @RequestParam(name = "file", required = false) List<MultipartFile> files, Model model, Locale locale,
                RedirectAttributes redirect) throws IOException {
        String code = AppealService.office(user) ? channel : Optional.ofNullable(ownChannelCode(user)).orElse("");
        List<AppealService.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    uploads.add(new AppealService.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            Appeal a = appeals.file(user, new NewAppeal(evaluationId, code, indicator, statement), uploads);
            redirect.addFlashAttribute("flash", messages.getMessage("appeal.flash.filed", new Object[] {a.id()},
                    locale));
            return "redirect:/appeals/" + a.id();
        } catch (InvalidInputException e) {
            return form(user, evaluationId, code, indicator, statement, messagesOf(e.problems(), locale), null, model,
                    locale);
        } catch (AppealRefusedException e) {
            return form(user, evaluationId, code, indicator, statement, Map.of(), refusal(e, locale), model, locale);
        }
    }

    // ---- one appeal ---------------------------------------------------------------------------

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, Model model, Locale locale) {
        return detailPage(user, id, new DecisionForm("UPHOLD", "", "", ""), Map.of(), model, locale);
    }

    private String detailPage(MeridianUser user, long id, DecisionForm form, Map<String, String> errors, Model model,
                              Locale locale) {
        Appeal a = appeals.get(user, id);
        model.addAttribute("activeNav", nav(user));
        model.addAttribute("appeal", a);
        model.addAttribute("overdue", a.overdueAt(appeals.currentTime()));
        model.addAttribute("attachments", appeals.attachments(user, id));
        model.addAttribute("corrections", appeals.corrections(user, id));
        model.addAttribute("isOffice", AppealService.office(user));
        model.addAttribute("canDecide", AppealService.office(user) && !a.filedBy().equals(user.getUsername()));
        model.addAttribute("canAttach", filer(user) && a.status().open());
        model.addAttribute("seesEvaluations", EvaluationVisibility.seesAll(user.actor()));
        model.addAttribute("contestedValue", four(a.contestedValue()));
        model.addAttribute("contestedScore", four(a.contestedScore()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Evaluation corrected = null;
        String correctedValue = null;
        String correctedScore = null;
        if (a.correctedEvaluationId() != null) {
            try {
                corrected = evaluations.get(user.actor(), a.correctedEvaluationId());
                Optional<UnitScorecard.Line> line = evaluations.scorecard(user.actor(), corrected.id(), a.channelCode())
                        .flatMap(c -> c.indicators().stream().filter(l -> l.code().equals(a.indicator())).findFirst());
                correctedValue = line.map(l -> four(l.value())).orElse(null);
                correctedScore = line.map(l -> four(l.score())).orElse(null);
            } catch (EvaluationNotFoundException e) {
                corrected = null; // a draft the channel user may not see yet
            }
        }
        model.addAttribute("corrected", corrected);
        model.addAttribute("correctedValue", correctedValue);
        model.addAttribute("correctedScore", correctedScore);
        return "appeals/detail";
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal MeridianUser user, @PathVariable long id,
                                    @PathVariable long attachmentId) {
        Attachment.File f = appeals.attachment(user, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }

    @PostMapping("/{id}/attachments")
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String attach(@AuthenticationPrincipal MeridianUser user, @PathVariable long id,
                  @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(InputProblem.of("file", "appeal.error.required"));
            }
            appeals.attach(user, id, new AppealService.Upload(file.getOriginalFilename(), file.getBytes()));
            redirect.addFlashAttribute("flash", messages.getMessage("appeal.flash.attached", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", String.join(" ", messagesOf(e.problems(), locale).values()));
        } catch (AppealRefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/appeals/" + id;
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String review(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, Locale locale,
                  RedirectAttributes redirect) {
        try {
            appeals.startReview(user, id);
            redirect.addFlashAttribute("flash", messages.getMessage("appeal.flash.review", null, locale));
        } catch (AppealRefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/appeals/" + id;
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String decide(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, DecisionForm form, Model model,
                  Locale locale, RedirectAttributes redirect) {
        DecisionForm f = new DecisionForm(form.decision() == null ? "UPHOLD" : form.decision(),
                nz(form.reason()), nz(form.voids()), nz(form.events()));
        try {
            boolean upheld = !"REJECT".equals(f.decision());
            Decision d = upheld ? Decision.uphold(f.reason(), voids(f.voids()), CorrectedEvents.parse(f.events(), json))
                    : new Decision(false, f.reason(), voids(f.voids()), CorrectedEvents.parse(f.events(), json));
            Appeal a = appeals.decide(user, id, d);
            redirect.addFlashAttribute("flash", messages.getMessage(upheld ? "appeal.flash.upheld"
                    : "appeal.flash.rejected", new Object[] {a.correctedEvaluationId()}, locale));
            return "redirect:/appeals/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("flashError", messages.getMessage("appeal.error.decisionRefused", null, locale));
            return detailPage(user, id, f, messagesOf(e.problems(), locale), model, locale);
        } catch (AppealRefusedException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
            return "redirect:/appeals/" + id;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Lines of {@code eventId | reason}; blank lines are skipped; a line without a bar has no reason. */
    static List<Decision.EventVoid> voids(String text) {
        List<Decision.EventVoid> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            out.add(bar < 0 ? new Decision.EventVoid(line.strip(), null)
                    : new Decision.EventVoid(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
        }
        return out;
    }

    private String refusal(AppealRefusedException e, Locale locale) {
        return e.message(messages, locale);
    }

    /** Field → message; problems of the same field (e.g. two bad events) are joined. */
    private Map<String, String> messagesOf(List<InputProblem> problems, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (InputProblem p : problems) {
            String field = p.field().startsWith("voids[") ? "voids" : p.field().startsWith("events[") ? "events"
                    : p.field();
            String text = (field.equals(p.field()) ? "" : p.field() + ": ")
                    + messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
            m.merge(field, text, (a, b) -> a + " " + b);
        }
        return m;
    }

    static String four(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        BigDecimal r = v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }
}
