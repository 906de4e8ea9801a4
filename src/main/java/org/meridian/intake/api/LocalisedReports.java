package org.meridian.intake.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.intake.EventImports;
import org.meridian.intake.IngestReport;
import org.meridian.intake.RowMessages;
import org.meridian.shared.web.CallerLanguage;
import org.springframework.stereotype.Component;

/**
 * The intake API's answers with the reasons of rejected rows (and the warnings of stored ones) in the
 * caller's language: {@code ?lang=en|zh-CN} (or the {@code meridian-lang} cookie) as everywhere in
 * Meridian, otherwise the {@code Accept-Language} header (Chinese when it asks for Chinese first,
 * English otherwise), and English when nothing is said: api.md documents the English wording
 * ({@code unknown channel 'CH-999'}), and an integration that never asked for a language keeps it. The fields of api.md keep their names and meaning;
 * next to {@code errors} and {@code warnings} each row carries {@code codes}, the reasons' stable codes
 * (e.g. {@code UNKNOWN_CHANNEL}) in the same order, for programs.
 */
@Component
class LocalisedReports {

    private final RowMessages rowMessages;

    LocalisedReports(RowMessages rowMessages) {
        this.rowMessages = rowMessages;
    }

    static Locale locale(HttpServletRequest request) {
        return CallerLanguage.englishUnlessAsked(request);
    }

    Map<String, Object> report(IngestReport report, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", report.accepted());
        body.put("duplicates", report.duplicates());
        body.put("rejected", rejected(report.rejected(), locale));
        body.put("warnings", warnings(report.warnings(), locale));
        return body;
    }

    List<Map<String, Object>> rejected(List<IngestReport.RejectedRow> rows, Locale locale) {
        return rows.stream().map(r -> row(r.index(), r.eventId(), "errors", r.errors(), locale)).toList();
    }

    List<Map<String, Object>> warnings(List<IngestReport.RowWarning> rows, Locale locale) {
        return rows.stream().map(r -> row(r.index(), r.eventId(), "warnings", r.warnings(), locale)).toList();
    }

    Map<String, Object> importRun(EventImports.ImportRun run, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("fileName", run.fileName());
        m.put("format", run.format());
        m.put("uploadedBy", run.uploadedBy());
        m.put("startedAt", run.startedAt());
        m.put("finishedAt", run.finishedAt());
        m.put("status", run.status());
        m.put("rows", run.rows());
        m.put("accepted", run.accepted());
        m.put("duplicates", run.duplicates());
        m.put("rejectedCount", run.rejectedCount());
        m.put("rejected", rejected(run.rejected(), locale));
        m.put("failure", run.failure());
        m.put("encoding", run.encoding());
        m.put("localTimes", run.localTimes());
        m.put("timeZone", run.timeZone());
        return m;
    }

    private Map<String, Object> row(int index, String eventId, String field, List<String> sentences, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("eventId", eventId);
        m.put(field, rowMessages.localise(sentences, locale));
        m.put("codes", rowMessages.codes(sentences));
        return m;
    }
}
