package org.meridian.intake.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.intake.EventImports;
import org.meridian.intake.IngestReport;
import org.meridian.intake.RowMessages;
import org.meridian.shared.NamedValues;
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
        Map<String, Object> body = NamedValues.of("accepted", report.accepted(), "duplicates", report.duplicates(),
                "rejected", rejected(report.rejected(), locale), "warnings", warnings(report.warnings(), locale));
        return body;
    }

    List<Map<String, Object>> rejected(List<IngestReport.RejectedRow> rows, Locale locale) {
        return rows.stream().map(r -> row(r.index(), r.eventId(), "errors", r.errors(), locale)).toList();
    }

    List<Map<String, Object>> warnings(List<IngestReport.RowWarning> rows, Locale locale) {
        return rows.stream().map(r -> row(r.index(), r.eventId(), "warnings", r.warnings(), locale)).toList();
    }

    Map<String, Object> importRun(EventImports.ImportRun run, Locale locale) {
        Map<String, Object> m = NamedValues.of("id", run.id(), "fileName", run.fileName(), "format", run.format(),
                "uploadedBy", run.uploadedBy(), "startedAt", run.startedAt(), "finishedAt", run.finishedAt(),
                "status", run.status(), "rows", run.rows(), "accepted", run.accepted(), "duplicates", run.duplicates(),
                "rejectedCount", run.rejectedCount(), "rejected", rejected(run.rejected(), locale),
                "failure", run.failure(), "encoding", run.encoding(), "localTimes", run.localTimes(),
                "timeZone", run.timeZone());
        return m;
    }

    private Map<String, Object> row(int index, String eventId, String field, List<String> sentences, Locale locale) {
        Map<String, Object> m = NamedValues.of("index", index, "eventId", eventId,
                field, rowMessages.localise(sentences, locale), "codes", rowMessages.codes(sentences));
        return m;
    }
}
