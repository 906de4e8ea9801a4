package org.meridian.insight.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.meridian.insight.alert.Alert;
import org.meridian.insight.alert.AlertNote;
import org.meridian.insight.alert.AlertQuery;
import org.meridian.insight.alert.AlertWatch;
import org.meridian.shared.Actor;
import org.meridian.shared.web.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts on the API (docs/api.md, docs/insight.md "Alerts"): a channel's alerts and the hospital's, for ANALYST
 * and above; acknowledging and closing for CHANNEL_MANAGER and above. An unknown status or measure is a 400 naming
 * the field; a channel or alert of another hospital is 404.
 */
@RestController
@PreAuthorize("hasRole('ANALYST')")
class AlertsApi {

    private final AlertWatch watch;

    AlertsApi(AlertWatch watch) {
        this.watch = watch;
    }

    /** One alert as the API shows it; {@code day} is the first day of the month for a monthly alert. */
    record AlertView(long id, String channel, String channelName, String measure, String grain, LocalDate day,
                     BigDecimal observed, BigDecimal expected, BigDecimal lower, BigDecimal upper, String rule,
                     String status, String note, OffsetDateTime raisedAt, String acknowledgedBy,
                     OffsetDateTime acknowledgedAt, String closedBy, OffsetDateTime closedAt) {

        static AlertView of(Alert a) {
            return new AlertView(a.id(), a.channelCode(), a.channelName(), a.measure().name(), a.grain().name(), a.day(),
                    a.observed(), a.expected(), a.lower(), a.upper(), a.rule().name(), a.status().name(), a.note(),
                    a.raisedAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.closedBy(), a.closedAt());
        }
    }

    record Page(int page, int size, long total, List<AlertView> items) {

        static Page of(Paged<Alert> p) {
            return new Page(p.page(), p.size(), p.total(), p.items().stream().map(AlertView::of).toList());
        }
    }

    record NoteBody(String note) {
    }

    @GetMapping("/api/v1/channels/{code}/alerts")
    Page ofChannel(Actor actor, @PathVariable String code, @RequestParam(required = false) String status,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        AlertQuery q = AlertQuery.parse(status, code, null, page, size);
        return Page.of(watch.ofChannel(actor, code, q.status(), q.page(), q.size()));
    }

    @GetMapping("/api/v1/alerts")
    Page search(Actor actor, @RequestParam(required = false) String status,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String measure,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return Page.of(watch.search(actor, AlertQuery.parse(status, channel, measure, page, size)));
    }

    @PostMapping("/api/v1/alerts/{id}/acknowledge")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    AlertView acknowledge(Actor actor, @PathVariable long id, @RequestBody(required = false) NoteBody body) {
        return AlertView.of(watch.acknowledge(actor, id, AlertNote.parse(body == null ? null : body.note(), true)));
    }

    @PostMapping("/api/v1/alerts/{id}/close")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    AlertView close(Actor actor, @PathVariable long id, @RequestBody(required = false) NoteBody body) {
        return AlertView.of(watch.close(actor, id, AlertNote.parse(body == null ? null : body.note(), false)));
    }
}
