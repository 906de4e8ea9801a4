package org.meridian.region.web;

import java.util.List;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The period of a region page's filter ({@code ?period=2026-Q3}): the one asked for, else the reporting year in the
 * actor's hospital, the year of the last whole month ({@link HospitalCalendar#reportingYear}: in January the year just
 * ended, not the new one without data). A page says why above its filter bar ({@code filterErrors}, in the reader's
 * language through {@link ProblemTexts}); a workbook, which has nowhere to say it, only takes the reporting year.
 */
@Component
class RegionPeriods {

    private final HospitalCalendar calendar;
    private final ProblemTexts texts;

    RegionPeriods(HospitalCalendar calendar, ProblemTexts texts) {
        this.calendar = calendar;
        this.texts = texts;
    }

    /** The period asked for, or the reporting year with the problem put on the page. */
    Period of(Actor actor, String text, Model model) {
        if (text != null && !text.isBlank()) {
            Optional<Period> p = Period.parse(text.strip());
            if (p.isPresent()) {
                return p.get();
            }
            model.addAttribute("filterErrors", List.of(texts.text(Problem.of("period", "region.error.period",
                    text.strip()))));
        }
        return reportingYear(actor);
    }

    /** The period of a workbook's address, or the reporting year. */
    Period orReportingYear(Actor actor, String text) {
        Period p = text == null ? null : Period.parse(text.strip()).orElse(null);
        return p != null ? p : reportingYear(actor);
    }

    private Period reportingYear(Actor actor) {
        return Period.year(calendar.reportingYear(actor.hospitalId()));
    }
}
