package org.meridian.intake.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.validation.Errors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The data quality page's form: which list ({@code tab}), the period (local dates), the acceptance SLA in
 * hours, the days without data that make a channel quiet, the page and the order of the late referrals.
 * Blank fields take their defaults; a bad value is reported beside its field and its default is used.
 */
public class QualityFilter {

    static final int DEFAULT_PERIOD_DAYS = 90;
    static final int DEFAULT_QUIET_DAYS = 14;
    static final int MAX_SLA_HOURS = 720;

    private String tab = "imports";
    private String from;
    private String to;
    private String sla;
    private String quietDays;
    private String sort = "hours";
    private int page;

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getSla() {
        return sla;
    }

    public void setSla(String sla) {
        this.sla = sla;
    }

    public String getQuietDays() {
        return quietDays;
    }

    public void setQuietDays(String quietDays) {
        this.quietDays = quietDays;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    /** The values in force after checking: defaults where a field is blank or wrong (and an error for it). */
    record Resolved(String tab, LocalDate from, LocalDate to, Duration sla, int quietDays, boolean byReferralTime,
                    int page) {
    }

    Resolved resolve(LocalDate today, Duration defaultSla, Errors errors) {
        String t = switch (tab == null ? "" : tab) {
            case "pairs", "late", "quiet", "bursts" -> tab;
            default -> "imports";
        };
        LocalDate end = date(to, "to", today, errors);
        LocalDate start = date(from, "from", end.minusDays(DEFAULT_PERIOD_DAYS - 1), errors);
        if (start.isAfter(end)) {
            errors.rejectValue("from", "quality.filter.error.period");
            start = end.minusDays(DEFAULT_PERIOD_DAYS - 1);
        }
        Duration s = defaultSla;
        if (sla != null && !sla.isBlank()) {
            Integer hours = number(sla, 1, MAX_SLA_HOURS);
            if (hours == null) {
                errors.rejectValue("sla", "quality.filter.error.sla");
            } else {
                s = Duration.ofHours(hours);
            }
        }
        int quiet = DEFAULT_QUIET_DAYS;
        if (quietDays != null && !quietDays.isBlank()) {
            Integer days = number(quietDays, 1, 365);
            if (days == null) {
                errors.rejectValue("quietDays", "quality.filter.error.quietDays");
            } else {
                quiet = days;
            }
        }
        return new Resolved(t, start, end, s, quiet, "referred".equals(sort), Math.max(0, page));
    }

    /** The link to this filter with another tab, page or order (the other fields kept). */
    public String link(String tabName, int pageNumber, String order) {
        return UriComponentsBuilder.fromPath("/intake/quality").queryParam("tab", tabName)
                .queryParamIfPresent("from", blankToEmpty(from)).queryParamIfPresent("to", blankToEmpty(to))
                .queryParamIfPresent("sla", blankToEmpty(sla)).queryParamIfPresent("quietDays", blankToEmpty(quietDays))
                .queryParam("sort", order == null ? sort : order).queryParam("page", pageNumber)
                .encode().build().toUriString();
    }

    private static java.util.Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s.strip());
    }

    private static LocalDate date(String text, String field, LocalDate fallback, Errors errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "quality.filter.error.date");
            return fallback;
        }
    }

    private static Integer number(String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            return n < min || n > max ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
