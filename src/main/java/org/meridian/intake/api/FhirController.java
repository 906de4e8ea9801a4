package org.meridian.intake.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.meridian.intake.FhirExamRecords;
import org.meridian.intake.IngestReport;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.intake.RawStatistic;
import org.meridian.intake.StatisticsIntake;
import org.meridian.intake.StatisticsReport;
import org.meridian.shared.Actor;
import org.meridian.shared.web.InputNumbers;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /fhir/r4}: a FHIR R4 batch or transaction Bundle of referral events (docs/intake.md, FHIR),
 * answered with a batch-response (or transaction-response) Bundle holding one OperationOutcome per entry.
 * A transaction is all or nothing: one bad entry stores nothing and answers 400 with every problem.
 * {@code MeasureReport}s (monthly statistics of departments and institutions, docs/units.md) come alone or in a
 * batch; each group is a statistics row checked as every statistic is. {@code DiagnosticReport}s and
 * {@code ImagingStudy}s (exam records of the repeat-examination figures, docs/exams.md) come alone or in a batch too;
 * each is one exam record, handed to the exam module ({@link FhirExamRecords}) and answered on its own.
 */
@RestController
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class FhirController {

    static final String FHIR_JSON = "application/fhir+json";
    private static final String FHIR_XML = "application/fhir+xml";

    private final EventIntake intake;
    private final StatisticsIntake statistics;
    private final FhirExamRecords exams;
    private final MessageSource messages;
    private final FhirContext fhir = FhirContext.forR4Cached();
    /** Reads a JSON body's numbers as their literals (USE_BIG_DECIMAL_FOR_FLOATS: never through a double). */
    private static final JsonMapper NUMBERS = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    FhirController(EventIntake intake, StatisticsIntake statistics, FhirExamRecords exams, MessageSource messages) {
        this.intake = intake;
        this.statistics = statistics;
        this.exams = exams;
        this.messages = messages;
    }

    @PostMapping(path = "/fhir/r4", consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE, FHIR_XML,
            MediaType.APPLICATION_XML_VALUE})
    ResponseEntity<String> bundle(Actor actor, @RequestBody String body,
                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        IParser parser = contentType.contains("xml") ? fhir.newXmlParser() : fhir.newJsonParser();
        String unreadable = contentType.contains("xml") ? null : unreadableNumber(body);
        if (unreadable != null) {
            // found by IntakeHttpFuzzTest: HAPI's JSON parser writes a decimal out in full before reading it, so a
            // 15-byte "value": 1e999999999 kept a request thread busy for minutes and took gigabytes
            return problem(HttpStatus.BAD_REQUEST, List.of(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.TOOCOSTLY, "the number " + unreadable + " is too large or too small to"
                            + " be read (written out in full it would take more than 1,000 characters)", null)));
        }
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(body);
        } catch (DataFormatException e) {
            return problem(HttpStatus.BAD_REQUEST, List.of(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.STRUCTURE, "the body is not a FHIR R4 resource: " + e.getMessage(), null)));
        }
        Bundle bundle;
        if (parsed instanceof MeasureReport || parsed instanceof Resource r && FhirExams.isExam(r)) {
            // a report or an exam alone is answered as a batch of one
            bundle = new Bundle().setType(Bundle.BundleType.BATCH);
            bundle.addEntry().setResource((Resource) parsed);
        } else if (parsed instanceof Bundle b) {
            bundle = b;
        } else {
            return problem(HttpStatus.BAD_REQUEST, List.of(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.INVALID, "the body must be a Bundle (or a MeasureReport, DiagnosticReport or ImagingStudy), not "
                            + parsed.fhirType(), null)));
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
        Map<Integer, List<FhirStatistics.Group>> reports = measureReports(bundle);
        Map<Integer, FhirExams.Entry> examEntries = examEntries(bundle);
        if (transaction && (!reports.isEmpty() || !examEntries.isEmpty())) {
            List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();
            reports.keySet().forEach(i -> issues.add(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.NOTSUPPORTED, "a MeasureReport is taken alone or in a batch Bundle,"
                            + " not in a transaction", "Bundle.entry[" + i + "]")));
            examEntries.keySet().forEach(i -> issues.add(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.NOTSUPPORTED, "a DiagnosticReport or ImagingStudy is taken alone or in"
                            + " a batch Bundle, not in a transaction", "Bundle.entry[" + i + "]")));
            return problem(HttpStatus.BAD_REQUEST, issues);
        }
        int statisticRows = reports.values().stream().mapToInt(List::size).sum();
        if (statisticRows > StatisticsIntake.MAX_ROWS) {
            return problem(HttpStatus.BAD_REQUEST, List.of(issue(OperationOutcome.IssueSeverity.ERROR,
                    OperationOutcome.IssueType.TOOCOSTLY, "at most " + StatisticsIntake.MAX_ROWS
                            + " MeasureReport groups per Bundle; this one has " + statisticRows, "Bundle.entry")));
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
        IngestReport report = rows.isEmpty() && !transaction
                ? IngestReport.empty()
                : transaction
                ? intake.recordAllOrNothing(actor, rows, indexes, EventIntake.Source.FHIR, unmappable)
                : intake.record(actor, rows, indexes, EventIntake.Source.FHIR, null);
        Map<Integer, StatisticOutcome> statistics = recordStatistics(actor, reports);
        statistics.putAll(recordExams(actor, examEntries));

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
            if (statistics.containsKey(i)) {
                StatisticOutcome s = statistics.get(i);
                status = s.status();
                s.issues().forEach(outcome::addIssue);
            } else if (errors.containsKey(i)) {
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

    /**
     * The first number of a JSON body that would be too long written out in full (see {@link InputNumbers#writable}),
     * in its short form, or null. A body that is not JSON is left to HAPI's parser, which says what is wrong with it.
     */
    static String unreadableNumber(String body) {
        try (JsonParser p = NUMBERS.createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                    BigDecimal number = p.getDecimalValue();
                    if (!InputNumbers.writable(number)) {
                        return number.toString();
                    }
                }
            }
        } catch (JacksonException e) {
            return null;
        }
        return null;
    }

    /** The statistics rows of every MeasureReport entry, by entry index. */
    private static Map<Integer, List<FhirStatistics.Group>> measureReports(Bundle bundle) {
        Map<Integer, List<FhirStatistics.Group>> reports = new TreeMap<>();
        var resolve = FhirEvents.resolver(bundle);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof MeasureReport r) {
                reports.put(i, FhirStatistics.map(r, resolve));
            }
        }
        return reports;
    }

    /** The exam record of every DiagnosticReport and ImagingStudy entry, by entry index. */
    private static Map<Integer, FhirExams.Entry> examEntries(Bundle bundle) {
        Map<Integer, FhirExams.Entry> exams = new TreeMap<>();
        var resolve = FhirEvents.resolver(bundle);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource r = bundle.getEntry().get(i).getResource();
            if (r != null && FhirExams.isExam(r)) {
                exams.put(i, FhirExams.map(r, resolve));
            }
        }
        return exams;
    }

    /**
     * Records the exam rows in one batch of the exam module: {@code 201} stored (with a warning when the item is not in
     * the region's catalogue: kept, not counted), {@code 200} a duplicate, {@code 400} refused with every reason, each
     * naming the resource's element it was read from.
     */
    private Map<Integer, StatisticOutcome> recordExams(Actor actor, Map<Integer, FhirExams.Entry> entries) {
        List<Integer> indexes = new ArrayList<>();
        List<FhirExamRecords.Row> rows = new ArrayList<>();
        entries.forEach((i, e) -> {
            if (e.row() != null) {
                indexes.add(i);
                rows.add(e.row());
            }
        });
        List<FhirExamRecords.Outcome> recorded = rows.isEmpty() ? List.of() : exams.record(actor, rows);
        Map<Integer, StatisticOutcome> outcomes = new HashMap<>();
        entries.forEach((i, e) -> {
            String where = "Bundle.entry[" + i + "]";
            if (e.row() == null) {
                outcomes.put(i, new StatisticOutcome("400 Bad Request", e.errors().stream().map(m -> issue(
                        OperationOutcome.IssueSeverity.ERROR, OperationOutcome.IssueType.INVALID, m, where)).toList()));
            }
        });
        for (int k = 0; k < indexes.size(); k++) {
            int i = indexes.get(k);
            String where = "Bundle.entry[" + i + "]";
            FhirExams.Entry e = entries.get(i);
            FhirExamRecords.Outcome o = recorded.get(k);
            String what = "exam record " + e.row().recordId();
            List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();
            String status = switch (o.status()) {
                case STORED -> {
                    issues.add(issue(OperationOutcome.IssueSeverity.INFORMATION,
                            OperationOutcome.IssueType.INFORMATIONAL, "stored as " + what, where));
                    yield "201 Created";
                }
                case NOT_IN_CATALOGUE -> {
                    issues.add(issue(OperationOutcome.IssueSeverity.INFORMATION,
                            OperationOutcome.IssueType.INFORMATIONAL, "stored as " + what, where));
                    issues.add(issue(OperationOutcome.IssueSeverity.WARNING, OperationOutcome.IssueType.BUSINESSRULE,
                            "item '" + e.row().item() + "' is not in the region's catalogue: kept, not counted",
                            where));
                    yield "201 Created";
                }
                case DUPLICATE -> {
                    issues.add(issue(OperationOutcome.IssueSeverity.INFORMATION, OperationOutcome.IssueType.DUPLICATE,
                            "duplicate of " + what + " already stored; ignored", where));
                    yield "200 OK";
                }
                case REJECTED -> {
                    o.errors().forEach(m -> issues.add(issue(OperationOutcome.IssueSeverity.ERROR,
                            OperationOutcome.IssueType.INVALID, element(m, e.elements()), where)));
                    yield "400 Bad Request";
                }
            };
            outcomes.put(i, new StatisticOutcome(status, issues));
        }
        return outcomes;
    }

    /** {@code field: reason} of the exam module with the resource's element beside the field. */
    private static String element(String message, Map<String, String> elements) {
        int colon = message.indexOf(':');
        String element = colon < 0 ? null : elements.get(message.substring(0, colon));
        return element == null ? message : message.substring(0, colon) + " (" + element + ")" + message.substring(colon);
    }

    /** What became of one MeasureReport entry: its HTTP-like status and an issue per group. */
    private record StatisticOutcome(String status, List<OperationOutcome.OperationOutcomeIssueComponent> issues) {
    }

    /**
     * Records the rows of every report in one batch of the statistics intake; an entry is {@code 400} when any of
     * its groups was rejected (its other groups are kept), {@code 200} when every group was the value already
     * there, {@code 201} otherwise.
     */
    private Map<Integer, StatisticOutcome> recordStatistics(Actor actor, Map<Integer, List<FhirStatistics.Group>> reports) {
        List<RawStatistic> rows = new ArrayList<>();
        Map<FhirStatistics.Group, Integer> rowOf = new IdentityHashMap<>();
        reports.values().forEach(groups -> groups.stream().filter(g -> g.row() != null).forEach(g -> {
            rowOf.put(g, rows.size());
            rows.add(g.row());
        }));
        StatisticsReport recorded = rows.isEmpty() ? null : statistics.record(actor, rows, 0);
        Map<Integer, List<String>> rejected = new HashMap<>();
        if (recorded != null) {
            recorded.rejected().forEach(r -> rejected.put(r.index(), r.errors().stream().map(p -> p.path() + ": "
                    + messages.getMessage(p.messageKey(), p.args().toArray(), Locale.ENGLISH)).toList()));
        }
        Map<Integer, StatisticOutcome> outcomes = new HashMap<>();
        reports.forEach((entry, groups) -> {
            List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();
            boolean bad = false;
            boolean stored = false;
            String where = "Bundle.entry[" + entry + "]";
            for (FhirStatistics.Group g : groups) {
                String expression = where + "." + g.expression();
                if (g.row() == null) {
                    bad = true;
                    g.errors().forEach(m -> issues.add(issue(OperationOutcome.IssueSeverity.ERROR,
                            OperationOutcome.IssueType.INVALID, m, expression)));
                    continue;
                }
                int index = rowOf.get(g);
                RawStatistic row = g.row();
                String what = row.measure() + " " + row.month() + " of " + row.unit() + " = " + InputNumbers.asText(row.value());
                if (rejected.containsKey(index)) {
                    bad = true;
                    rejected.get(index).forEach(m -> issues.add(issue(OperationOutcome.IssueSeverity.ERROR,
                            OperationOutcome.IssueType.INVALID, m, expression)));
                } else if (recorded.duplicateIndexes().contains(index)) {
                    issues.add(issue(OperationOutcome.IssueSeverity.INFORMATION, OperationOutcome.IssueType.DUPLICATE,
                            what + ": the value already stored; ignored", expression));
                } else {
                    stored = true;
                    issues.add(issue(OperationOutcome.IssueSeverity.INFORMATION,
                            OperationOutcome.IssueType.INFORMATIONAL, (recorded.restatedIndexes().contains(index)
                                    ? "restated " : "stored ") + what, expression));
                }
            }
            outcomes.put(entry, new StatisticOutcome(bad ? "400 Bad Request" : stored ? "201 Created" : "200 OK", issues));
        });
        return outcomes;
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
