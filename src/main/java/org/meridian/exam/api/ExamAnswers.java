package org.meridian.exam.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.exam.ExamReport;
import org.meridian.shared.NamedValues;
import org.meridian.shared.problem.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The answer to a batch of exam records, with every reason in the caller's language. */
@Component
class ExamAnswers {

    private final MessageSource messages;

    ExamAnswers(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, Object> of(ExamReport report, Locale locale) {
        Map<String, Object> body = NamedValues.of("accepted", report.accepted(), "duplicates", report.duplicates(),
                "notInCatalogue", report.notInCatalogue());
        body.put("rejected", report.rejected().stream().map(r -> {
            Map<String, Object> row = NamedValues.of("index", r.index(), "recordId", r.recordId(),
                    "errors", errors(r.errors(), locale));
            return row;
        }).toList());
        return body;
    }

    private List<Map<String, Object>> errors(List<Problem> problems, Locale locale) {
        return problems.stream().map(p -> {
            Map<String, Object> e = NamedValues.of("field", p.path(),
                    "message", messages.getMessage(p.messageKey(), p.args().toArray(), locale));
            return e;
        }).toList();
    }
}
