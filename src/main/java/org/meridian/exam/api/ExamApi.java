package org.meridian.exam.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.shared.NamedValues;
import org.meridian.shared.files.FileLimits;
import org.meridian.exam.ExamIntake;
import org.meridian.exam.Outcome;
import org.meridian.exam.RawExam;
import org.meridian.exam.RepeatFigure;
import org.meridian.exam.RepeatFigures;
import org.meridian.exam.RepeatRecord;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.CallerLanguage;
import org.meridian.shared.web.EnglishByDefault;
import org.meridian.shared.web.Paged;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/exams}: exam records sent as a JSON array (at most 10,000) or a CSV file (CHANNEL_MANAGER), the
 * repeat figures (ANALYST, or a REGULATOR for the whole region) and the list of repeat records (ANALYST; a regulator
 * gets 403). Reasons of rejected rows are English unless the caller asks for Chinese, as for events.
 */
@RestController
@EnglishByDefault
@RequestMapping("/api/v1/exams")
class ExamApi {

    static final List<String> COLUMNS = List.of("recordId", "institution", "patientId", "item", "performedAt",
            "recognisable");

    private final ExamIntake intake;
    private final RepeatFigures figures;
    private final ExamAnswers answers;
    private final JsonMapper json;

    private final FileLimits limits;

    ExamApi(ExamIntake intake, RepeatFigures figures, ExamAnswers answers, JsonMapper json, FileLimits limits) {
        this.limits = limits;
        this.intake = intake;
        this.figures = figures;
        this.answers = answers;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> send(Actor actor, @RequestBody byte[] body, HttpServletRequest request) {
        JsonNode array;
        try {
            array = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("exam", Problem.of("body", "exam.error.malformedJson"));
        }
        if (array == null || !array.isArray()) {
            throw new InvalidInputException("exam", Problem.of("body", "exam.error.notAnArray"));
        }
        if (array.size() > ExamIntake.MAX_ROWS) {
            throw new InvalidInputException("exam", Problem.of("body", "exam.error.tooMany", ExamIntake.MAX_ROWS,
                    array.size()));
        }
        List<RawExam> rows = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            rows.add(node != null && node.isObject() ? new RawExam(text(node, "recordId"), text(node, "institution"),
                    text(node, "patientId"), text(node, "item"), text(node, "performedAt"),
                    text(node, "recognisable"), text(node, "exception"))
                    : new RawExam(null, null, null, null, null, null, null));
        }
        return answers.of(intake.record(actor, rows, 0), CallerLanguage.englishUnlessAsked(request));
    }

    /**
     * A CSV file with the header {@code recordId,institution,patientId,item,performedAt,recognisable} and optionally
     * {@code exception}; the index of a rejected row is its data row number (the first after the header is 1).
     */
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> upload(Actor actor, @RequestParam(required = false) MultipartFile file,
                               HttpServletRequest request) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("exam", Problem.of("file", "exam.error.fileRequired"));
        }
        ExamCsv.Read read = ExamCsv.read(file, limits, COLUMNS, List.of("exception"));
        List<Map<String, String>> rows = read.rows();
        List<RawExam> exams = rows.stream().map(r -> new RawExam(r.get("recordId"), r.get("institution"),
                r.get("patientId"), r.get("item"), r.get("performedAt"), r.get("recognisable"), r.get("exception")))
                .toList();
        Map<String, Object> body = answers.of(intake.record(actor, exams, 1), CallerLanguage.englishUnlessAsked(request));
        body.put("encoding", read.encoding().label());
        return body;
    }

    /**
     * {@code {minPatients, items:[{institution, item, records, repeats, sameInstitutionRepeats, rate, avoidableCost,
     * suppressed}]}}: a regulator's row over fewer distinct patients than {@code minPatients} has its figures null and
     * {@code suppressed: true}.
     */
    @GetMapping("/repeats")
    @PreAuthorize("hasAnyRole('ANALYST', 'REGULATOR')")
    Map<String, Object> repeats(Actor actor, @RequestParam(required = false) String period,
                                @RequestParam(required = false) String institution,
                                @RequestParam(required = false) String item,
                                @RequestParam(required = false) String alliance,
                                @RequestParam(defaultValue = "false") boolean byMonth) {
        List<RepeatFigure> rows = figures.figures(actor, query(period, institution, item, alliance, null), byMonth);
        return Map.of("items", rows.stream().map(f -> {
            Map<String, Object> m = NamedValues.of("institution", f.institution().code(),
                    "institutionName", f.institution().name(), "hospital", f.institution().hospital(), "item", f.item(),
                    "itemName", f.itemName());
            if (f.month() != null) {
                m.put("month", f.month().toString());
            }
            m.put("records", f.records());
            m.put("repeats", f.repeats());
            m.put("sameInstitutionRepeats", f.sameInstitutionRepeats());
            m.put("rate", f.rate());
            m.put("avoidableCost", f.avoidableCost());
            m.put("suppressed", f.suppressed());
            return m;
        }).toList(), "minPatients", figures.minPatients());
    }

    /** One page of the caller's hospital's repeats, naming records and never patients. */
    @GetMapping("/repeat-records")
    @PreAuthorize("hasRole('ANALYST')")
    Paged<Map<String, Object>> repeatRecords(Actor actor, @RequestParam(required = false) String period,
                                             @RequestParam(required = false) String institution,
                                             @RequestParam(required = false) String item,
                                             @RequestParam(required = false) String outcome,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        Outcome o = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                o = Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                o = Outcome.NONE;
            }
            if (o == Outcome.NONE) {
                throw new InvalidInputException("exam", Problem.of("outcome", "exam.error.oneOf", outcome,
                        "REPEAT, SAME_INSTITUTION"));
            }
        }
        return figures.repeats(actor, query(period, institution, item, null, o), page, size).map(ExamApi::listed);
    }

    private static Map<String, Object> listed(RepeatRecord r) {
        Map<String, Object> m = NamedValues.of("recordId", r.recordId(), "institution", r.institution().code(),
                "item", r.item(), "performedAt", r.performedAt(), "outcome", r.outcome(),
                "earlierInstitution", r.earlierInstitution() == null ? null : r.earlierInstitution().code(),
                "earlierHospital", r.earlierInstitution() == null ? null : r.earlierInstitution().hospital(),
                "earlierPerformedAt", r.earlierAt(), "earlierRecordId", r.earlierRecordId());
        return m;
    }

    static RepeatFigures.Query query(String period, String institution, String item, String alliance, Outcome o) {
        if (period == null || period.isBlank()) {
            throw new InvalidInputException("exam", Problem.of("period", "exam.error.required"));
        }
        Period p = Period.parse(period.strip()).orElseThrow(() -> new InvalidInputException("exam",
                Problem.of("period", "exam.error.period", period)));
        return new RepeatFigures.Query(p, institution, item, alliance, o);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isString() ? v.stringValue() : v.toString();
    }
}
