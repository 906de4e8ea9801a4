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
import org.meridian.appeal.AppealProcedure;
import org.meridian.appeal.AppealStatus;
import org.meridian.appeal.Attachment;
import org.meridian.appeal.AppealVisibility;
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
import org.meridian.shared.Actor;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.MeridianException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The appeal pages: the list (a channel actor sees its own channel's), filing an appeal on an indicator of a
 * published scorecard with a file, one appeal with its deadlines, files, review and decision (the office, never the
 * filer), the corrections and the new evaluation version an upheld appeal led to.
 */
@Controller
@RequestMapping("/appeals")
@PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
class AppealPages {

    private final AppealProcedure appeals;
    private final EvaluationResults evaluations;
    private final ChannelRegistry channels;
    private final MessageSource messages;
    private final JsonMapper json;

    AppealPages(AppealProcedure appeals, EvaluationResults evaluations, ChannelRegistry channels,
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

    private static boolean filer(Actor actor) {
        return AppealVisibility.files(actor);
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AppealStatus s = null;
        if (status != null && !status.isBlank()) {
            s = Arrays.stream(AppealStatus.values()).filter(x -> x.name().equals(status)).findFirst().orElse(null);
        }
        Paged<Appeal> found = appeals.search(actor, s, null, Math.max(page, 0), Paged.DEFAULT_SIZE);
        model.addAttribute("activeNav", nav(actor));
        model.addAttribute("appeals", found);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", AppealStatus.values());
        model.addAttribute("now", appeals.currentTime());
        model.addAttribute("canFile", filer(actor));
        model.addAttribute("isOffice", AppealVisibility.office(actor));
        model.addAttribute("published", evaluations.search(actor, null, null, 0, 200).items().stream()
                .filter(Evaluation::published).toList());
        model.addAttribute("ownChannel", ownChannelCode(actor));
        model.addAttribute("settings", appeals.settings(actor));
        return "appeals/list";
    }

    private static String nav(Actor actor) {
        return EvaluationVisibility.seesAll(actor) ? "appeals" : "appeals-channel";
    }

    private String ownChannelCode(Actor actor) {
        return actor.channelId() == null ? null
                : channels.find(actor, actor.channelId()).map(c -> c.code()).orElse(null);
    }

    // ---- filing -------------------------------------------------------------------------------

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String newAppeal(Actor actor, @RequestParam long evaluation,
                     @RequestParam(required = false) String channel, Model model, Locale locale) {
        String code = AppealVisibility.office(actor) ? channel : ownChannelCode(actor);
        return form(actor, evaluation, code == null ? "" : code.strip(), "", "", Map.of(), null, model, locale);
    }

    private String form(Actor actor, long evaluationId, String channel, String indicator, String statement,
                        Map<String, String> errors, String refusal, Model model, Locale locale) {
        Evaluation e = evaluations.get(actor, evaluationId);
        List<LineChoice> lines = new ArrayList<>();
        Optional<UnitScorecard> card = channel.isBlank() ? Optional.empty()
                : evaluations.scorecard(actor, e.id(), channel);
        card.ifPresent(c -> c.indicators().forEach(l -> lines.add(new LineChoice(l.code(), four(l.value()),
                four(l.score())))));
        model.addAttribute("activeNav", nav(actor));
        model.addAttribute("evaluation", e);
        model.addAttribute("deadline", appeals.filingDeadline(actor, e).orElse(null));
        model.addAttribute("deadlinePassed", appeals.filingDeadline(actor, e)
                .map(d -> appeals.currentTime().isAfter(d)).orElse(false));
        model.addAttribute("channel", channel);
        model.addAttribute("card", card.orElse(null));
        model.addAttribute("lines", lines);
        model.addAttribute("indicator", indicator);
        model.addAttribute("statement", statement);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("isOffice", AppealVisibility.office(actor));
        model.addAttribute("maxMb", AttachmentPolicy.MAX_BYTES / 1024 / 1024);
        model.addAttribute("maxFiles", AttachmentPolicy.MAX_FILES);
        return "appeals/new";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String file(Actor actor, @RequestParam long evaluationId,
                @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String indicator,
                @RequestParam(defaultValue = "") String statement,
                @RequestParam(name = "file", required = false) List<MultipartFile> files, Model model, Locale locale,
                RedirectAttributes redirect) throws IOException {
        String code = AppealVisibility.office(actor) ? channel : Optional.ofNullable(ownChannelCode(actor)).orElse("");
        List<AppealProcedure.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    uploads.add(new AppealProcedure.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            Appeal a = appeals.file(actor, new NewAppeal(evaluationId, code, indicator, statement), uploads);
            redirect.addFlashAttribute("flash", messages.getMessage("appeal.flash.filed", new Object[] {a.id()},
                    locale));
            return "redirect:/appeals/" + a.id();
        } catch (InvalidInputException e) {
            return form(actor, evaluationId, code, indicator, statement, messagesOf(e.problems(), locale), null, model,
                    locale);
        } catch (RefusedException | ConflictException e) {
            return form(actor, evaluationId, code, indicator, statement, Map.of(), refusal(e, locale), model, locale);
        }
    }

    // ---- one appeal ---------------------------------------------------------------------------

    @GetMapping("/{id}")
    String detail(Actor actor, @PathVariable long id, Model model, Locale locale) {
        return detailPage(actor, id, new DecisionForm("UPHOLD", "", "", ""), Map.of(), model, locale);
    }

    private String detailPage(Actor actor, long id, DecisionForm form, Map<String, String> errors, Model model,
                              Locale locale) {
        Appeal a = appeals.get(actor, id);
        model.addAttribute("activeNav", nav(actor));
        model.addAttribute("appeal", a);
        model.addAttribute("overdue", a.overdueAt(appeals.currentTime()));
        model.addAttribute("attachments", appeals.attachments(actor, id));
        model.addAttribute("corrections", appeals.corrections(actor, id));
        model.addAttribute("isOffice", AppealVisibility.office(actor));
        model.addAttribute("canDecide", AppealVisibility.office(actor) && FourEyes.allows(a.filedBy(), actor));
        model.addAttribute("canAttach", filer(actor) && a.status().open());
        model.addAttribute("seesEvaluations", EvaluationVisibility.seesAll(actor));
        model.addAttribute("contestedValue", four(a.contestedValue()));
        model.addAttribute("contestedScore", four(a.contestedScore()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Evaluation corrected = null;
        String correctedValue = null;
        String correctedScore = null;
        if (a.correctedEvaluationId() != null) {
            try {
                corrected = evaluations.get(actor, a.correctedEvaluationId());
                Optional<UnitScorecard.Line> line = evaluations.scorecard(actor, corrected.id(), a.channelCode())
                        .flatMap(c -> c.indicators().stream().filter(l -> l.code().equals(a.indicator())).findFirst());
                correctedValue = line.map(l -> four(l.value())).orElse(null);
                correctedScore = line.map(l -> four(l.score())).orElse(null);
            } catch (EvaluationNotFoundException e) {
                corrected = null; // a draft the channel actor may not see yet
            }
        }
        model.addAttribute("corrected", corrected);
        model.addAttribute("correctedValue", correctedValue);
        model.addAttribute("correctedScore", correctedScore);
        return "appeals/detail";
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long id,
                                    @PathVariable long attachmentId) {
        Attachment.File f = appeals.attachment(actor, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }

    @PostMapping("/{id}/attachments")
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    String attach(Actor actor, @PathVariable long id,
                  @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("appeal", Problem.of("file", "appeal.error.required"));
            }
            appeals.attach(actor, id, new AppealProcedure.Upload(file.getOriginalFilename(), file.getBytes()));
            redirect.addFlashAttribute("flash", messages.getMessage("appeal.flash.attached", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", String.join(" ", messagesOf(e.problems(), locale).values()));
        } catch (RefusedException | ConflictException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/appeals/" + id;
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String review(Actor actor, @PathVariable long id, Locale locale,
                  RedirectAttributes redirect) {
        try {
            appeals.startReview(actor, id);
            redirect.addFlashAttribute("flash", messages.getMessage("appeal.flash.review", null, locale));
        } catch (RefusedException | ConflictException e) {
            redirect.addFlashAttribute("flashError", refusal(e, locale));
        }
        return "redirect:/appeals/" + id;
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String decide(Actor actor, @PathVariable long id, DecisionForm form, Model model,
                  Locale locale, RedirectAttributes redirect) {
        DecisionForm f = new DecisionForm(form.decision() == null ? "UPHOLD" : form.decision(),
                nz(form.reason()), nz(form.voids()), nz(form.events()));
        try {
            boolean upheld = !"REJECT".equals(f.decision());
            Decision d = upheld ? Decision.uphold(f.reason(), voids(f.voids()), CorrectedEvents.parse(f.events(), json))
                    : new Decision(false, f.reason(), voids(f.voids()), CorrectedEvents.parse(f.events(), json));
            Appeal a = appeals.decide(actor, id, d);
            redirect.addFlashAttribute("flash", messages.getMessage(upheld ? "appeal.flash.upheld"
                    : "appeal.flash.rejected", new Object[] {a.correctedEvaluationId()}, locale));
            return "redirect:/appeals/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("flashError", messages.getMessage("appeal.error.decisionRefused", null, locale));
            return detailPage(actor, id, f, messagesOf(e.problems(), locale), model, locale);
        } catch (RefusedException | ConflictException e) {
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

    /** The refusal in the reader's language, the same sentence the API answers. */
    private String refusal(MeridianException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.getMessage(), locale);
    }

    /** Field → message; problems of the same field (e.g. two bad events) are joined. */
    private Map<String, String> messagesOf(List<Problem> problems, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Problem p : problems) {
            String field = p.path().startsWith("voids[") ? "voids" : p.path().startsWith("events[") ? "events"
                    : p.path();
            String text = (field.equals(p.path()) ? "" : p.path() + ": ")
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
