package org.meridian.region;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The periods the region's pages and APIs read ({@code ?period=2026-Q3}): the one asked for, else the reporting year
 * in the actor's hospital, the year of the last whole month ({@link HospitalCalendar#reportingYear}: in January the
 * year just ended, not the new one without data); and an API's month, the current one unless asked. An unreadable
 * period is the problem {@code region.error.period}: a page says it above its filter bar ({@code filterErrors}, in
 * the reader's language through {@link ProblemTexts}) and shows the reporting year, an API answers 400; a workbook,
 * which has nowhere to say it, only takes the reporting year.
 */
@Component
public class RegionPeriods {

    private final HospitalCalendar calendar;
    private final ProblemTexts texts;

    RegionPeriods(HospitalCalendar calendar, ProblemTexts texts) {
        this.calendar = calendar;
        this.texts = texts;
    }

    /** A page's period: the one asked for, or the reporting year with the problem put on the page. */
    public Period of(Actor actor, String text, Model model) {
        Optional<Problem> problem = unreadable(text);
        problem.ifPresent(p -> model.addAttribute("filterErrors", List.of(texts.text(p))));
        return problem.isPresent() ? reportingYear(actor) : orReportingYear(actor, text);
    }

    /** An API's period: the one asked for, or the reporting year when none is. */
    public Period require(Actor actor, String text) {
        Optional<Problem> problem = unreadable(text);
        if (problem.isPresent()) {
            throw new InvalidInputException("region", List.of(problem.get()));
        }
        return orReportingYear(actor, text);
    }

    /** An API's period with the other parameters' problems: an unreadable one is added to {@code problems}. */
    public Period of(Actor actor, String text, List<Problem> problems) {
        unreadable(text).ifPresent(problems::add);
        return orReportingYear(actor, text);
    }

    /** An API's month ({@code 2026-10}): the one asked for, else the current month in the actor's hospital. */
    public YearMonth month(Actor actor, String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(calendar.today(actor.hospitalId()));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("region", List.of(Problem.of("month", "region.error.month", text.strip())));
        }
    }

    /** The period of a workbook's address, or the reporting year. */
    public Period orReportingYear(Actor actor, String text) {
        Period p = text == null ? null : Period.parse(text.strip()).orElse(null);
        return p != null ? p : Period.year(calendar.reportingYear(actor.hospitalId()));
    }

    private Period reportingYear(Actor actor) {
        return orReportingYear(actor, null);
    }

    private static Optional<Problem> unreadable(String text) {
        if (text == null || text.isBlank() || Period.parse(text.strip()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Problem.of("period", "region.error.period", text.strip()));
    }
}
