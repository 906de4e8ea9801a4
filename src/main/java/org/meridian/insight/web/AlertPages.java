package org.meridian.insight.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.meridian.insight.alert.Alert;
import org.meridian.insight.alert.AlertMeasure;
import org.meridian.insight.alert.AlertNote;
import org.meridian.insight.alert.AlertQuery;
import org.meridian.insight.alert.AlertStatus;
import org.meridian.insight.alert.AlertVisibility;
import org.meridian.insight.alert.AlertWatch;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alert list (异常预警): the hospital's alerts, newest first, 20 a page, filtered by status, channel and measure;
 * the office acknowledges one with a note or closes it, and runs a scan of chosen days on demand.
 */
@Controller
@RequestMapping("/insight/alerts")
@PreAuthorize("hasRole('ANALYST')")
class AlertPages {

    static final int PAGE_SIZE = 20;

    private final AlertWatch watch;
    private final HospitalCalendar calendar;
    private final MessageSource messages;
    private final ProblemTexts texts;

    AlertPages(AlertWatch watch, HospitalCalendar calendar, MessageSource messages, ProblemTexts texts) {
        this.watch = watch;
        this.calendar = calendar;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String status,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String measure,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        AlertQuery query = texts.readOr(() -> AlertQuery.parse(status, channel, measure, Math.max(page, 0), PAGE_SIZE),
                () -> new AlertQuery(null, channel, null, 0, PAGE_SIZE), errors);
        Paged<Alert> found = watch.search(actor, query);
        LocalDate today = calendar.today(actor.hospitalId());
        model.addAttribute("activeNav", "alerts");
        model.addAttribute("alerts", found);
        model.addAttribute("errors", errors);
        model.addAttribute("status", query.status() == null ? "" : query.status().name());
        model.addAttribute("channel", query.channel() == null ? "" : query.channel());
        model.addAttribute("measure", query.measure() == null ? "" : query.measure().name());
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("measures", AlertMeasure.values());
        model.addAttribute("channels", watch.channelsWithAlerts(actor));
        model.addAttribute("canHandle", AlertVisibility.handles(actor));
        model.addAttribute("scanFrom", today.minusDays(AlertWatch.DAILY_LOOKBACK).toString());
        model.addAttribute("scanTo", today.minusDays(1).toString());
        model.addAttribute("noteMax", AlertNote.MAX);
        model.addAttribute("back", back(query));
        return "insight/alerts";
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String acknowledge(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String note,
                       @RequestParam(defaultValue = "") String back, Locale locale, RedirectAttributes redirect) {
        return step(id, note, back, "insight.alert.flash.acknowledged", locale, redirect,
                () -> watch.acknowledge(actor, id, AlertNote.parse(note, true)));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String close(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String note,
                 @RequestParam(defaultValue = "") String back, Locale locale, RedirectAttributes redirect) {
        return step(id, note, back, "insight.alert.flash.closed", locale, redirect,
                () -> watch.close(actor, id, AlertNote.parse(note, false)));
    }

    /** Takes a step of the workflow and comes back to the list, with the problem and the note typed when refused. */
    private String step(long id, String note, String back, String doneKey, Locale locale, RedirectAttributes redirect,
                        Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(doneKey, null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", String.join(" ", texts.byField(e.problems()).values()));
            redirect.addFlashAttribute("failedId", id);
            redirect.addFlashAttribute("failedNote", note);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), null, locale));
        }
        return "redirect:/insight/alerts" + safe(back);
    }

    @PostMapping("/scan")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String scan(Actor actor, @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                Locale locale, RedirectAttributes redirect) {
        try {
            AlertWatch.ScanReport r = watch.scan(actor, date(from), date(to), calendar.today(actor.hospitalId()));
            redirect.addFlashAttribute("flash", messages.getMessage("insight.alert.flash.scanned",
                    new Object[] {r.channels(), r.raised()}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", String.join(" ", texts.byField(e.problems()).values()));
        }
        return "redirect:/insight/alerts";
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The list's filters and page as a query string, for the forms to come back to. */
    private static String back(AlertQuery q) {
        StringBuilder b = new StringBuilder("?page=").append(q.page());
        if (q.status() != null) {
            b.append("&status=").append(q.status().name());
        }
        if (q.measure() != null) {
            b.append("&measure=").append(q.measure().name());
        }
        if (q.channel() != null) {
            b.append("&channel=").append(java.net.URLEncoder.encode(q.channel(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** Only the list's own query string goes back into the redirect. */
    private static String safe(String back) {
        return back != null && back.matches("\\?[A-Za-z0-9_=&%.\\-]*") ? back : "";
    }
}
