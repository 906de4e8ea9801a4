package org.meridian.exam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.intake.FhirExamRecords;
import org.meridian.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Exam records read from FHIR {@code DiagnosticReport}s and {@code ImagingStudy}s by intake's FHIR endpoint, recorded
 * as every exam record is ({@link ExamIntake}: each row on its own, idempotent by recordId, the patient pseudonymised
 * with the region's key), answered row by row with reasons in English.
 */
@Component
class ExamsFromFhir implements FhirExamRecords {

    private final ExamIntake intake;
    private final MessageSource messages;

    ExamsFromFhir(ExamIntake intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    @Override
    public List<Outcome> record(Actor actor, List<Row> rows) {
        List<RawExam> raw = rows.stream().map(r -> new RawExam(r.recordId(), r.institution(), r.patientId(), r.item(),
                r.performedAt(), r.recognisable(), r.exception())).toList();
        ExamReport report = intake.record(actor, raw, 0);
        Map<Integer, List<String>> rejected = new HashMap<>();
        report.rejected().forEach(r -> rejected.put(r.index(), r.errors().stream().map(p -> p.path() + ": "
                + messages.getMessage(p.messageKey(), p.args().toArray(), Locale.ENGLISH)).toList()));
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rejected.containsKey(i)) {
                outcomes.add(new Outcome(Status.REJECTED, rejected.get(i)));
            } else if (report.duplicateIndexes().contains(i)) {
                outcomes.add(new Outcome(Status.DUPLICATE, List.of()));
            } else if (report.notInCatalogueIndexes().contains(i)) {
                outcomes.add(new Outcome(Status.NOT_IN_CATALOGUE, List.of()));
            } else {
                outcomes.add(new Outcome(Status.STORED, List.of()));
            }
        }
        return outcomes;
    }
}
