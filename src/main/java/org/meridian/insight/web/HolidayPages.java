package org.meridian.insight.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.meridian.insight.alert.HolidayCalendar;
import org.meridian.insight.alert.HolidayDay;
import org.meridian.insight.alert.HolidayKind;
import org.meridian.insight.alert.HolidayYear;
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
 * The holiday calendar page (节假日日历) of the alert scan: a year's public holidays and 调休 working days, as the
 * State Council's defaults or as the hospital keeps them; the office edits a year (one day a line) or resets it.
 */
@Controller
@RequestMapping("/insight/holidays")
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class HolidayPages {

    private final HolidayCalendar holidays;
    private final HospitalCalendar calendar;
    private final MessageSource messages;
    private final ProblemTexts texts;

    HolidayPages(HolidayCalendar holidays, HospitalCalendar calendar, MessageSource messages, ProblemTexts texts) {
        this.holidays = holidays;
        this.calendar = calendar;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping
    String year(Actor actor, @RequestParam(required = false) String year, Model model, Locale locale) {
        int y;
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            y = year == null ? calendar.today(actor.hospitalId()).getYear() : HolidayYear.year(year);
        } catch (InvalidInputException e) {
            errors.putAll(texts.byField(e.problems(), " "));
            y = calendar.today(actor.hospitalId()).getYear();
        }
        HolidayYear shown = holidays.year(actor, y);
        return page(shown, lines(shown, HolidayKind.HOLIDAY, locale), lines(shown, HolidayKind.WORKDAY, locale),
                errors, model);
    }

    private String page(HolidayYear shown, String holidayText, String workdayText, Map<String, String> errors,
                        Model model) {
        model.addAttribute("activeNav", "alerts");
        model.addAttribute("shown", shown);
        model.addAttribute("holidaysText", holidayText);
        model.addAttribute("workdaysText", workdayText);
        model.addAttribute("errors", errors);
        model.addAttribute("years", List.of(shown.year() - 1, shown.year(), shown.year() + 1));
        return "insight/holidays";
    }

    @PostMapping
    String save(Actor actor, @RequestParam(defaultValue = "") String year,
                @RequestParam(defaultValue = "") String holidays, @RequestParam(defaultValue = "") String workdays,
                Model model, Locale locale, RedirectAttributes redirect) {
        int y = HolidayYear.year(year);
        try {
            List<HolidayDay> days = HolidayYear.parse(y, holidays, workdays);
            this.holidays.save(actor, y, days);
            redirect.addFlashAttribute("flash", messages.getMessage("insight.holiday.flash.saved",
                    new Object[] {String.valueOf(y)}, locale));
            return "redirect:/insight/holidays?year=" + y;
        } catch (InvalidInputException e) {
            return page(this.holidays.year(actor, y), holidays, workdays, texts.byField(e.problems(), " "), model);
        }
    }

    @PostMapping("/reset")
    String reset(Actor actor, @RequestParam(defaultValue = "") String year, Locale locale,
                 RedirectAttributes redirect) {
        int y = HolidayYear.year(year);
        holidays.reset(actor, y);
        redirect.addFlashAttribute("flash", messages.getMessage("insight.holiday.flash.reset",
                new Object[] {String.valueOf(y)}, locale));
        return "redirect:/insight/holidays?year=" + y;
    }

    /** The days of a kind as the text area shows them: date and name, the default names in the reader's language. */
    private String lines(HolidayYear y, HolidayKind kind, Locale locale) {
        return y.of(kind).stream().map(d -> d.day() + " " + name(d, locale)).collect(Collectors.joining("\n"));
    }

    private String name(HolidayDay d, Locale locale) {
        return messages.getMessage("insight.holiday.name." + d.name(), null, d.name(), locale);
    }
}
