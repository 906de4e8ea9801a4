package org.meridian.intake.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.meridian.intake.IngestReport;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /fhir/r4}: a FHIR R4 batch or transaction Bundle of referral events (docs/intake.md, FHIR),
 * answered with a batch-response (or transaction-response) Bundle holding one OperationOutcome per entry.
 * A transaction is all or nothing: one bad entry stores nothing and answers 400 with every problem.
 */
@RestController
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class FhirController {

    static final String FHIR_JSON = "application/fhir+json";
    private static final String FHIR_XML = "application/fhir+xml";

    private final EventIntake intake;
    private final FhirContext fhir = FhirContext.forR4Cached();

    FhirController(EventIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/fhir/r4", consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE, FHIR_XML,
            MediaType.APPLICATION_XML_VALUE})
    ResponseEntity<String> bundle(@RequestBody String body,
                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        IParser parser = contentType.contains("xml") ? fhir.newXmlParser() : fhir.newJsonParser();
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(body);
        } catch (DataFormatException e) {
            return problem(HttpStatus.BAD_REQUEST, List.of(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.STRUCTURE, "the body is not a FHIR R4 resource: " + e.getMessage(), null)));
        }
        if (!(parsed instanceof Bundle bundle)) {
            return problem(HttpStatus.BAD_REQUEST, List.of(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.INVALID, "the body must be a Bundle, not " + parsed.fhirType(), null)));
        }
        boolean transaction = bundle.getType() == Bundle.BundleType.TRANSACTION;
        if (!transaction && bundle.getType() != Bundle.BundleType.BATCH) {
            return problem(HttpStatus.BAD_REQUEST, List.of(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.INVALID, "Bundle.type must be batch or transaction, not "
                            + (bundle.getType() == null ? "(none)" : bundle.getType().toCode()), "Bundle.type")));
        }
        if (bundle.getEntry().size() > EventsController.MAX_EVENTS) {
            return problem(HttpStatus.BAD_REQUEST, List.of(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.TOOCOSTLY, "at most " + EventsController.MAX_EVENTS
                            + " entries per Bundle", "Bundle.entry")));
        }

        List<FhirEvents.Entry> entries = FhirEvents.map(bundle);
        List<RawEvent> rows = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        boolean unmappable = false;
        for (int i = 0; i < entries.size(); i++) {
            FhirEvents.Entry e = entries.get(i);
            if (e.event() != null) {
                rows.add(e.event());
                indexes.add(i);
            } else if (!e.errors().isEmpty()) {
                unmappable = true;
            }
        }
        MeridianUser user = CurrentUser.require();
        IngestReport report = transaction
                ? intake.recordAllOrNothing(user.actor(), rows, indexes, EventIntake.Source.FHIR, unmappable)
                : intake.record(user.actor(), rows, indexes, EventIntake.Source.FHIR, null);

        Map<Integer, List<String>> errors = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).errors().isEmpty()) {
                errors.put(i, entries.get(i).errors());
            }
        }
        report.rejected().forEach(r -> errors.put(r.index(), r.errors()));
        Map<Integer, List<String>> warnings = new HashMap<>();
        report.warnings().forEach(w -> warnings.put(w.index(), w.warnings()));

        if (transaction && !errors.isEmpty()) {
            List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();
            errors.forEach((i, list) -> list.forEach(m -> issues.add(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.INVALID, m, "Bundle.entry[" + i + "]"))));
            return problem(HttpStatus.BAD_REQUEST, issues);
        }

        Bundle response = new Bundle();
        response.setType(transaction ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE);
        for (int i = 0; i < entries.size(); i++) {
            OperationOutcome outcome = new OperationOutcome();
            String status;
            if (errors.containsKey(i)) {
                status = "400 Bad Request";
                for (String m : errors.get(i)) {
                    outcome.addIssue(issue(OperationOutcome.IssueSeverity.ERROR, OperationOutcome.IssueType.INVALID, m,
                            "Bundle.entry[" + i + "]"));
                }
            } else if (entries.get(i).supporting()) {
                status = "200 OK";
                outcome.addIssue(issue(OperationOutcome.IssueSeverity.INFORMATION,
                        OperationOutcome.IssueType.INFORMATIONAL, "used only as a reference", "Bundle.entry[" + i + "]"));
            } else if (report.duplicateIndexes().contains(i)) {
                status = "200 OK";
                outcome.addIssue(issue(OperationOutcome.IssueSeverity.INFORMATION,
                        OperationOutcome.IssueType.DUPLICATE, "duplicate of an event already stored; ignored",
                        "Bundle.entry[" + i + "]"));
            } else {
                status = "201 Created";
                outcome.addIssue(issue(OperationOutcome.IssueSeverity.INFORMATION,
                        OperationOutcome.IssueType.INFORMATIONAL, "stored as " + entries.get(i).event().type()
                                + " event " + entries.get(i).event().eventId(), "Bundle.entry[" + i + "]"));
                for (String w : warnings.getOrDefault(i, List.of())) {
                    outcome.addIssue(issue(OperationOutcome.IssueSeverity.WARNING,
                            OperationOutcome.IssueType.BUSINESSRULE, w, "Bundle.entry[" + i + "]"));
                }
            }
            Bundle.BundleEntryComponent entry = response.addEntry();
            entry.getResponse().setStatus(status).setOutcome(outcome);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FHIR_JSON))
                .body(fhir.newJsonParser().encodeResourceToString(response));
    }

    private ResponseEntity<String> problem(HttpStatus status, List<OperationOutcome.OperationOutcomeIssueComponent> issues) {
        OperationOutcome outcome = new OperationOutcome();
        issues.forEach(outcome::addIssue);
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(FHIR_JSON))
                .body(fhir.newJsonParser().encodeResourceToString(outcome));
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(OperationOutcome.IssueSeverity severity,
                                                                       OperationOutcome.IssueType type, String text,
                                                                       String expression) {
        OperationOutcome.OperationOutcomeIssueComponent issue = new OperationOutcome.OperationOutcomeIssueComponent()
                .setSeverity(severity).setCode(type).setDiagnostics(text);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return issue;
    }
}
