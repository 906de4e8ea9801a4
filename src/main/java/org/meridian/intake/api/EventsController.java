package org.meridian.intake.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.intake.IngestReport;
import org.meridian.intake.EventIntake;
import org.meridian.intake.JsonEvents;
import org.meridian.intake.RawEvent;
import org.meridian.shared.NamedValues;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.EnglishByDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/events}: sending and voiding events (api.md, Events). */
@RestController
@EnglishByDefault
@RequestMapping("/api/v1/events")
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class EventsController {

    static final int MAX_EVENTS = 10_000;

    private final EventIntake intake;
    private final JsonMapper json;
    private final LocalisedReports reports;

    EventsController(EventIntake intake, JsonMapper json, LocalisedReports reports) {
        this.intake = intake;
        this.reports = reports;
        // numbers with a fraction are read as BigDecimal, so 0.1 stays exactly 0.1
        this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> send(@RequestBody byte[] body, HttpServletRequest request) {
        JsonNode array;
        try {
            array = json.readTree(body);
        } catch (JacksonException e) {
            throw IntakeProblem.badRequest("Malformed JSON", "The body is not valid JSON: " + e.getOriginalMessage()
                    + locationOf(e), "body");
        }
        if (array == null || !array.isArray()) {
            throw IntakeProblem.badRequest("Not an array", "The body must be a JSON array of events.", "body");
        }
        if (array.size() > MAX_EVENTS) {
            throw IntakeProblem.badRequest("Too many events", "At most " + MAX_EVENTS + " events per call; this one has "
                    + array.size() + ". Split the batch.", "body");
        }
        List<RawEvent> rows = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            rows.add(JsonEvents.read(node));
        }
        MeridianUser user = CurrentUser.require();
        IngestReport report = intake.record(user.actor(), rows, 0, EventIntake.Source.API, null);
        return reports.report(report, LocalisedReports.locale(request));
    }

    @DeleteMapping("/{eventId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void voidEvent(@PathVariable String eventId, @RequestParam(required = false) String reason) {
        if (reason == null || reason.isBlank()) {
            throw IntakeProblem.badRequest("Reason required", "Voiding an event needs a reason (?reason=...).", "reason");
        }
        MeridianUser user = CurrentUser.require();
        intake.voidEvent(user.actor(), eventId, reason.strip());
    }

    /** Recomputes the daily rollups from the events and lists any difference (a check for administrators). */
    @GetMapping("/rollup-check")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    Map<String, Object> rollupCheck() {
        List<EventIntake.RollupDifference> differences = intake.checkRollups(CurrentUser.hospitalId());
        Map<String, Object> body = NamedValues.of("exact", differences.isEmpty(), "differences", differences);
        return body;
    }

    /** Referrals whose ACCEPTED precedes the REFERRAL or names another channel (data-quality problems). */
    @GetMapping("/pair-problems")
    @PreAuthorize("hasRole('ANALYST')")
    List<EventIntake.PairProblem> pairProblems() {
        return intake.pairProblems(CurrentUser.hospitalId());
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
