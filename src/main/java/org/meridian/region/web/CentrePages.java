package org.meridian.region.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.meridian.region.RegionCentre;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Setting up the region's evaluation centre (区域评价中心), for the region administrator: while the region has none, a
 * form creating it with its first account (the evaluator; the one-time password shown once, on the answer to the
 * form); then the centre with its accounts, the form bringing the hospitals and their own statistics into it, and
 * the region's hospitals (25 a page, filtered by code or name, cards on a phone) with whether each is in the centre.
 * A form with problems comes back with each beside its field and everything typed kept.
 */
@Controller
@RequestMapping("/region/centre")
@PreAuthorize("hasRole('REGION_ADMIN')")
class CentrePages {

    private final RegionCentre centre;
    private final HospitalCalendar calendar;
    private final ProblemTexts texts;
    private final MessageSource messages;

    CentrePages(RegionCentre centre, HospitalCalendar calendar, ProblemTexts texts, MessageSource messages) {
        this.centre = centre;
        this.calendar = calendar;
        this.texts = texts;
        this.messages = messages;
    }

    /** The centre's form as typed, shown again with its problems. */
    record CentreForm(String code, String name, String adminUsername, String adminDisplayName) {
    }

    @GetMapping
    String page(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                Model model) {
        model.addAttribute("activeNav", RegionNavigation.NAV_ID);
        model.addAttribute("regionTab", "centre");
        model.addAttribute("centre", centre.centre(actor).orElse(null));
        model.addAttribute("accounts", centre.accounts(actor));
        String text = RegionPages.blank(q);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("result", centre.members(actor, text, Math.max(page, 0), RegionPages.PAGE_SIZE));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CentreForm("", "", "", ""));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("syncForm")) {
            java.time.YearMonth last = java.time.YearMonth.from(calendar.today(actor.hospitalId())).minusMonths(1);
            model.addAttribute("syncForm", Map.of("from", last.minusMonths(11).toString(), "to", last.toString()));
        }
        if (!model.containsAttribute("syncErrors")) {
            model.addAttribute("syncErrors", Map.of());
        }
        return "region/centre";
    }

    @PostMapping
    String create(Actor actor, @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        CentreForm form = new CentreForm(params.getOrDefault("code", ""), params.getOrDefault("name", ""),
                params.getOrDefault("adminUsername", ""), params.getOrDefault("adminDisplayName", ""));
        try {
            RegionCentre.Created created = centre.create(actor, form.code(), form.name(), form.adminUsername(),
                    form.adminDisplayName());
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("activeNav", RegionNavigation.NAV_ID);
            model.addAttribute("created", created);
            return "region/centre-created";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", texts.byField(e.problems(), " "));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, null, 0, model);
        }
    }

    @PostMapping("/sync")
    String sync(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response, Model model, RedirectAttributes redirect, Locale locale) {
        RegionCentre.Span span;
        try {
            span = RegionCentre.Span.parse(from, to);
        } catch (InvalidInputException e) {
            model.addAttribute("syncForm", Map.of("from", from == null ? "" : from, "to", to == null ? "" : to));
            model.addAttribute("syncErrors", texts.byField(e.problems(), " "));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(actor, null, 0, model);
        }
        RegionCentre.Synced s = centre.sync(actor, span);
        redirect.addFlashAttribute("synced", messages.getMessage("region.centre.synced", new Object[] {
                s.added().size(), s.updated().size(), s.accepted(), s.restated(), s.duplicates(),
                s.withoutOwnUnit().isEmpty() ? "—" : String.join("、", s.withoutOwnUnit()),
                s.withoutType().isEmpty() ? "—" : String.join("、", s.withoutType())}, locale));
        redirect.addFlashAttribute("syncedSpan", messages.getMessage("region.centre.syncedSpan",
                new Object[] {month(span.from(), locale), month(span.to(), locale)}, locale));
        return "redirect:/region/centre";
    }

    private String month(java.time.YearMonth m, Locale locale) {
        return messages.getMessage("region.completeness.monthName", new Object[] {m.getYear(), m.getMonthValue()},
                locale);
    }
}
