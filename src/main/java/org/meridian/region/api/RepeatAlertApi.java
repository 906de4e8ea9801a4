package org.meridian.region.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.meridian.region.RepeatAlert;
import org.meridian.region.RepeatAlertWatch;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.Rate;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region's repeat-rate alerts by API (docs/region.md, "Repeat-rate alerts"): the same list as the page
 * {@code /region/repeat-alerts}, the latest month first, with the threshold in force. Read only, aggregates only (an
 * alert names an institution, an item or an alliance, never a record or a patient); a regulator or the region
 * administrator. Unlike the page, a month or kind that cannot be read is a 400 naming each such parameter.
 */
@RestController
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN')")
class RepeatAlertApi {

    private final RepeatAlertWatch watch;

    RepeatAlertApi(RepeatAlertWatch watch) {
        this.watch = watch;
    }

    /** The threshold in force (per cent, and whether it is the installation's default), then one page of alerts. */
    record Alerts(Map<String, Object> threshold, int minRecords, @JsonUnwrapped Paged<Map<String, Object>> alerts) {
    }

    /**
     * {@code {threshold: {percent, byDefault}, minRecords, items: [{kind, subject, name, month, records, repeats,
     * rate, threshold, raisedAt}], page, size, total}}.
     */
    @GetMapping("/api/v1/region/repeat-alerts")
    Alerts alerts(Actor actor, @RequestParam(required = false) String month,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<Problem> problems = new ArrayList<>();
        YearMonth m = month(month, problems);
        RepeatAlert.Kind k = kind(kind, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("region", problems);
        }
        RepeatAlertWatch.Threshold t = watch.threshold(actor);
        Map<String, Object> threshold = NamedValues.of("percent", t.percent(), "byDefault", t.byDefault());
        return new Alerts(threshold, watch.minRecords(), watch.page(actor, m, k, q, page, size)
                .map(RepeatAlertApi::json));
    }

    private static Map<String, Object> json(RepeatAlert a) {
        Map<String, Object> m = NamedValues.of("kind", a.kind().name(), "subject", a.subject(), "name", a.subjectName(),
                "month", a.month().toString(), "records", a.records(), "repeats", a.repeats(),
                "rate", Rate.fraction(a.rate()), "threshold", a.threshold(), "raisedAt", a.raisedAt());
        return m;
    }

    private static YearMonth month(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(Problem.of("month", "region.error.month", text.strip()));
            return null;
        }
    }

    private static RepeatAlert.Kind kind(String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RepeatAlert.Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("kind", "region.alerts.error.kind", text.strip()));
            return null;
        }
    }
}
