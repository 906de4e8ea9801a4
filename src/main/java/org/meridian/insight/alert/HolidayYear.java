package org.meridian.insight.alert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * A hospital's holiday calendar of one year: its days in date order, and whether the hospital keeps the year itself
 * ({@code editedBy} and {@code editedAt} set) or follows the State Council's defaults.
 */
public record HolidayYear(int year, List<HolidayDay> days, String editedBy, OffsetDateTime editedAt) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_NAME = 40;

    public HolidayYear {
        days = List.copyOf(days);
    }

    public boolean own() {
        return editedBy != null;
    }

    public List<HolidayDay> of(HolidayKind kind) {
        return days.stream().filter(d -> d.kind() == kind).toList();
    }

    /** The year as a URL gives it, problems on the field {@code year}. */
    public static int year(String text) {
        try {
            int y = Integer.parseInt(text == null ? "" : text.trim());
            if (y >= FIRST_YEAR && y <= LAST_YEAR) {
                return y;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("insight",
                List.of(Problem.of("year", "insight.holiday.problem.year", FIRST_YEAR, LAST_YEAR)));
    }

    /**
     * Reads a year's days as the page's two text areas give them, one day a line, {@code 2026-02-15 春节} (date, then
     * the name): {@code holidays} the public holidays, {@code workdays} the 调休 working days. Every problem is reported
     * at once on {@code holidays[line]} or {@code workdays[line]} (1-based): a date that does not read or lies in
     * another year, a missing or too long name, a day given twice, a working day that is not a Saturday or Sunday.
     */
    public static List<HolidayDay> parse(int year, String holidays, String workdays) {
        List<Problem> problems = new ArrayList<>();
        List<HolidayDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        read(year, holidays, HolidayKind.HOLIDAY, "holidays", days, seen, problems);
        read(year, workdays, HolidayKind.WORKDAY, "workdays", days, seen, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("insight", problems);
        }
        days.sort(java.util.Comparator.comparing(HolidayDay::day));
        return days;
    }

    private static void read(int year, String text, HolidayKind kind, String field, List<HolidayDay> days,
                             Set<LocalDate> seen, List<Problem> problems) {
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String path = field + "[" + (i + 1) + "]";
            String[] parts = line.split("\\s+", 2);
            LocalDate day;
            try {
                day = LocalDate.parse(parts[0]);
            } catch (DateTimeParseException e) {
                problems.add(Problem.of(path, "insight.holiday.problem.date", parts[0]));
                continue;
            }
            String name = parts.length > 1 ? parts[1].strip() : "";
            if (day.getYear() != year) {
                problems.add(Problem.of(path, "insight.holiday.problem.otherYear", day.toString(), year));
            } else if (!seen.add(day)) {
                problems.add(Problem.of(path, "insight.holiday.problem.twice", day.toString()));
            } else if (kind == HolidayKind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(Problem.of(path, "insight.holiday.problem.weekday", day.toString()));
            }
            if (name.isEmpty()) {
                problems.add(Problem.of(path, "insight.holiday.problem.name"));
            } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
                problems.add(Problem.of(path, "insight.holiday.problem.nameTooLong", MAX_NAME));
            }
            days.add(new HolidayDay(day, kind, name));
        }
    }
}
