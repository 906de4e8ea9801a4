package org.meridian.appeal.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.web.Downloads;
import org.meridian.appeal.Appeal;
import org.meridian.appeal.AppealProcedure;
import org.meridian.appeal.AppealStatus;
import org.meridian.appeal.Attachment;
import org.meridian.appeal.AppealVisibility;
import org.meridian.appeal.AttachmentPolicy;
import org.meridian.appeal.Decision;
import org.meridian.appeal.NewAppeal;
import org.meridian.channel.ChannelRegistry;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationNotFoundException;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.shared.Actor;
import org.meridian.shared.Figures;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.MeridianException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
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
    private final ProblemTexts texts;
    private final org.meridian.intake.EventIntake intake;
    private final org.meridian.shared.tenant.Hospitals hospitals;

    /** Events of the appealed channel shown on a page of the decision's picker. */
    static final int EVENTS_PAGE = 20;
    /** Blank rows for corrected events on the decision form. */
    static final int CORRECTION_ROWS = 3;

    AppealPages(AppealProcedure appeals, EvaluationResults evaluations, ChannelRegistry channels,
                MessageSource messages, ProblemTexts texts, org.meridian.intake.EventIntake intake,
                org.meridian.shared.tenant.Hospitals hospitals) {
        this.intake = intake;
        this.hospitals = hospitals;
        this.appeals = appeals;
        this.evaluations = evaluations;
        this.channels = channels;
        this.messages = messages;
        this.texts = texts;
    }

    /** One indicator of the scorecard being appealed, formatted. */
    record LineChoice(String code, String name, String value, String score) {
    }

    /** What the decision form holds. */
    record DecisionForm(String decision, String reason, List<String> voids, String voidReason,
                        List<CorrectionRow> rows) {

        static DecisionForm blank() {
            return new DecisionForm("UPHOLD", "", List.of(), "", blankRows(List.of()));
        }
    }

    /** One corrected event as typed: type, local time in the hospital's zone, referral id, value. */
    record CorrectionRow(String type, String occurredAt, String referralId, String value) {

        boolean blank() {
            return isBlank(type) && isBlank(occurredAt) && isBlank(referralId) && isBlank(value);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The typed rows followed by blank ones, so the form always offers {@link #CORRECTION_ROWS} empty rows. */
    static List<CorrectionRow> blankRows(List<CorrectionRow> typed) {
        List<CorrectionRow> rows = new ArrayList<>(typed);
        for (int i = 0; i < CORRECTION_ROWS; i++) {
            rows.add(new CorrectionRow("", "", "", ""));
        }
        return rows;
    }

    private static boolean filer(Actor actor) {
        return AppealVisibility.files(actor);
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String status,
                @RequestParam(required = false) Long evaluation,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        AppealStatus s = null;
        if (status != null && !status.isBlank()) {
            s = Arrays.stream(AppealStatus.values()).filter(x -> x.name().equals(status)).findFirst().orElse(null);
        }
        Paged<Appeal> found = appeals.search(actor, s, evaluation, Math.max(page, 0), Paged.DEFAULT_SIZE);
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("activeNav", nav(actor));
        model.addAttribute("appeals", found);
        Map<Long, Map<String, String>> namesByEvaluation = new HashMap<>();
        Map<Long, String> indicatorNames = new HashMap<>();
        for (Appeal a : found.items()) {
            indicatorNames.put(a.id(), namesByEvaluation
                    .computeIfAbsent(a.evaluationId(), e -> indicatorNames(actor, e, locale))
                    .getOrDefault(a.indicator(), a.indicator()));
        }
        model.addAttribute("indicatorNames", indicatorNames);
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
        Map<String, String> names = indicatorNames(actor, e.id(), locale);
        Map<String, String> units = units(actor, e.id(), locale);
        card.ifPresent(c -> c.indicators().forEach(l -> lines.add(new LineChoice(l.code(),
                names.getOrDefault(l.code(), l.code()), Figures.value(l.value(), units.get(l.code())),
                Figures.score(l.score())))));
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
    String detail(Actor actor, @PathVariable long id, @RequestParam(required = false) String etype,
                  @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        model.addAttribute("etype", org.meridian.intake.EventType.parse(etype == null ? "" : etype)
                .map(Enum::name).orElse(""));
        model.addAttribute("eventsPage", page);
        return detailPage(actor, id, DecisionForm.blank(), Map.of(), model, locale);
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
        Map<String, String> units = units(actor, a.evaluationId(), locale);
        model.addAttribute("contestedValue", Figures.value(a.contestedValue(), units.get(a.indicator())));
        model.addAttribute("contestedScore", Figures.score(a.contestedScore()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("indicatorName", indicatorNames(actor, a.evaluationId(), locale)
                .getOrDefault(a.indicator(), a.indicator()));
        if (AppealVisibility.office(actor) && a.status() == AppealStatus.UNDER_REVIEW) {
            pickerOf(actor, a, model);
        }
        Evaluation corrected = null;
        String correctedValue = null;
        String correctedScore = null;
        if (a.correctedEvaluationId() != null) {
            try {
                corrected = evaluations.get(actor, a.correctedEvaluationId());
                Optional<UnitScorecard.Line> line = evaluations.scorecard(actor, corrected.id(), a.channelCode())
                        .flatMap(c -> c.indicators().stream().filter(l -> l.code().equals(a.indicator())).findFirst());
                correctedValue = line.map(l -> Figures.value(l.value(), units.get(a.indicator()))).orElse(null);
                correctedScore = line.map(l -> Figures.score(l.score())).orElse(null);
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
        return Downloads.attachment(MediaType.parseMediaType(f.attachment().contentType()),
                f.attachment().fileName(), StandardCharsets.UTF_8, f.content());
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

    /**
     * The decision's picker: the appealed channel's events in the evaluated period (a page of them, narrowed by type
     * with {@code etype}), each to be voided with the reason given once for all chosen.
     */
    private void pickerOf(Actor actor, Appeal a, Model model) {
        var period = org.meridian.shared.Period.parse(a.period()).orElse(null);
        String etype = model.getAttribute("etype") instanceof String t ? t : "";
        int page = model.getAttribute("eventsPage") instanceof Integer p ? p : 0;
        model.addAttribute("etype", etype);
        model.addAttribute("eventTypes", Arrays.stream(org.meridian.intake.EventType.values()).map(Enum::name)
                .toList());
        if (period != null) {
            model.addAttribute("channelEvents", intake.channelEvents(actor, a.channelId(), period.firstDay(),
                    period.lastDay(), etype.isEmpty() ? null : org.meridian.intake.EventType.valueOf(etype), page,
                    EVENTS_PAGE));
        }
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String decide(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "UPHOLD") String decision,
                  @RequestParam(defaultValue = "") String reason,
                  @RequestParam(name = "void", required = false) List<String> voided,
                  @RequestParam(defaultValue = "") String voidReason,
                  @RequestParam(name = "rowType", required = false) List<String> types,
                  @RequestParam(name = "rowTime", required = false) List<String> times,
                  @RequestParam(name = "rowReferral", required = false) List<String> referrals,
                  @RequestParam(name = "rowValue", required = false) List<String> values,
                  Model model, Locale locale, RedirectAttributes redirect) {
        List<CorrectionRow> typed = rows(types, times, referrals, values);
        DecisionForm f = new DecisionForm(decision, reason, voided == null ? List.of() : voided, voidReason,
                blankRows(typed));
        try {
            boolean upheld = !"REJECT".equals(f.decision());
            List<Decision.EventVoid> voids = f.voids().stream()
                    .map(e -> new Decision.EventVoid(e, f.voidReason().isBlank() ? null : f.voidReason().strip()))
                    .toList();
            Appeal appeal = appeals.get(actor, id);
            List<org.meridian.intake.RawEvent> events = events(appeal, typed);
            Decision d = upheld ? Decision.uphold(f.reason(), voids, events)
                    : new Decision(false, f.reason(), voids, events);
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

    /**
     * Code → name (in the reader's language) of the indicators of the evaluation's scheme; empty when the reader may
     * not see the evaluation (the page then shows codes).
     */
    private Map<String, String> indicatorNames(Actor actor, long evaluationId, Locale locale) {
        try {
            return evaluations.indicatorNames(actor, evaluationId, locale.getLanguage().equals("en"));
        } catch (MeridianException e) {
            return Map.of(); // not visible to this reader: codes it is
        }
    }

    /** Code → unit (in the reader's language) of the evaluation's indicators; empty when the reader may not see it. */
    private Map<String, String> units(Actor actor, long evaluationId, Locale locale) {
        try {
            return evaluations.indicatorUnits(actor, evaluationId, locale.getLanguage().equals("en"));
        } catch (MeridianException e) {
            return Map.of();
        }
    }

    /** The rows a person filled in (blank rows left out), from the form's parallel fields. */
    static List<CorrectionRow> rows(List<String> types, List<String> times, List<String> referrals,
                                    List<String> values) {
        int n = Math.max(Math.max(size(types), size(times)), Math.max(size(referrals), size(values)));
        List<CorrectionRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CorrectionRow row = new CorrectionRow(at(types, i), at(times, i), at(referrals, i), at(values, i));
            if (!row.blank()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i).strip();
    }

    /**
     * The rows as events of the appealed channel, for intake to check as it checks every event: an id of the
     * appeal's own ({@code APPEAL-<id>-<row>}), the local time read in the hospital's zone, the value as typed.
     */
    private List<org.meridian.intake.RawEvent> events(Appeal appeal, List<CorrectionRow> rows) {
        java.time.ZoneId zone = hospitals.current().timeZone();
        List<org.meridian.intake.RawEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CorrectionRow r = rows.get(i);
            String occurredAt = null;
            if (r.occurredAt().isEmpty()) {
                problems.add(Problem.of("events[" + i + "].occurredAt", "appeal.error.required"));
            } else {
                try {
                    occurredAt = java.time.LocalDateTime.parse(r.occurredAt()).atZone(zone).toOffsetDateTime()
                            .toString();
                } catch (java.time.format.DateTimeParseException e) {
                    problems.add(Problem.of("events[" + i + "].occurredAt", "appeal.error.localTime", r.occurredAt()));
                }
            }
            if (r.type().isEmpty()) {
                problems.add(Problem.of("events[" + i + "].type", "appeal.error.required"));
            }
            Object value = null;
            if (!r.value().isEmpty()) {
                try {
                    value = new BigDecimal(r.value());
                } catch (NumberFormatException e) {
                    problems.add(Problem.of("events[" + i + "].value", "appeal.error.notNumber", r.value()));
                }
            }
            events.add(new org.meridian.intake.RawEvent("APPEAL-" + appeal.id() + "-" + (i + 1), r.type(),
                    appeal.channelCode(), occurredAt, r.referralId().isEmpty() ? null : r.referralId(), null, value,
                    Map.of(), List.of()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("appeal", problems);
        }
        return events;
    }

    /** The refusal in the reader's language, the same sentence the API answers. */
    private String refusal(MeridianException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.getMessage(), locale);
    }

    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("(voids|events)\\[(\\d+)]\\.?(.*)");

    /**
     * Field → message; problems of the same field (e.g. two bad events) are joined. A problem of one event or one
     * void names its row ("第 2 行") and the field in words, not the request's path.
     */
    private Map<String, String> messagesOf(List<Problem> problems, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Problem p : problems) {
            java.util.regex.Matcher row = ROW.matcher(p.path());
            boolean rowed = row.matches();
            if (rowed && row.group(1).equals("voids") && row.group(3).equals("reason")) {
                // one reason serves every event chosen: said once, beside that field
                m.putIfAbsent("voidReason", texts.text(p));
                continue;
            }
            String field = rowed ? row.group(1) : p.path();
            String where = "";
            if (rowed) {
                // the field in words where the bundle names it ("的发生时间"); an event id is the row itself
                String part = row.group(3).isEmpty() ? "" : messages.getMessage("appeal.decision.part." + row.group(3),
                        null, "", locale);
                where = messages.getMessage("appeal.decision.row", new Object[] {Integer.parseInt(row.group(2)) + 1,
                        part}, locale);
                where = where.endsWith("：") ? where : where + " ";
            }
            String text = where + texts.text(p);
            m.merge(field, text, (a, b) -> a + " " + b);
        }
        return m;
    }

}
