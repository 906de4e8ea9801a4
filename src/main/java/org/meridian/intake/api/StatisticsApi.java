package org.meridian.intake.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.shared.NamedValues;
import org.meridian.shared.files.FileLimits;
import org.meridian.intake.RawStatistic;
import org.meridian.intake.Restatement;
import org.meridian.intake.StatisticsFile;
import org.meridian.intake.StatisticsIntake;
import org.meridian.intake.StatisticsReport;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.EnglishByDefault;
import org.meridian.shared.web.Paged;
import org.meridian.unit.UnitNotFoundException;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitRegistry;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/statistics}: monthly statistics of departments and institutions, sent as a JSON array or a CSV or
 * XLSX file (with downloadable templates of both), their restatement history, and the hospital's rule on restatement reasons.
 * Sending needs CHANNEL_MANAGER, reading ANALYST. The reasons of rejected rows are English unless the caller asks
 * for Chinese, as for events.
 */
@RestController
@EnglishByDefault
@RequestMapping("/api/v1/statistics")
class StatisticsApi {

    private final StatisticsIntake intake;
    private final UnitRegistry units;
    private final MessageSource messages;
    private final JsonMapper json;

    private final FileLimits limits;

    StatisticsApi(StatisticsIntake intake, UnitRegistry units, MessageSource messages, JsonMapper json,
                  FileLimits limits) {
        this.limits = limits;
        this.intake = intake;
        this.units = units;
        this.messages = messages;
        // numbers with a fraction are read as BigDecimal, so 0.1 stays exactly 0.1
        this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    record Settings(Boolean restatementNeedsReason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> send(Actor actor, @RequestBody byte[] body, HttpServletRequest request) {
        JsonNode array;
        try {
            array = json.readTree(body);
        } catch (JacksonException e) {
            throw IntakeProblem.badRequest("Malformed JSON", "The body is not valid JSON: " + e.getOriginalMessage(),
                    "body");
        }
        if (array == null || !array.isArray()) {
            throw IntakeProblem.badRequest("Not an array", "The body must be a JSON array of statistics.", "body");
        }
        if (array.size() > StatisticsIntake.MAX_ROWS) {
            throw IntakeProblem.badRequest("Too many statistics", "At most " + StatisticsIntake.MAX_ROWS
                    + " statistics per call; this one has " + array.size() + ". Split the batch.", "body");
        }
        List<RawStatistic> rows = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            rows.add(read(node));
        }
        return answer(intake.record(actor, rows, 0), LocalisedReports.locale(request));
    }

    /**
     * A CSV or XLSX file of statistics; the index of a rejected row is its data row number (the first after the
     * header is 1, blank rows not counted).
     */
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> upload(Actor actor, @RequestParam(required = false) MultipartFile file,
                               HttpServletRequest request) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("intake", Problem.of("file", "intake.statistic.error.fileRequired"));
        }
        StatisticsFile.Read read = StatisticsFile.read(file, file.getOriginalFilename(), limits);
        Map<String, Object> body = answer(intake.record(actor, read.rows(), 1), LocalisedReports.locale(request));
        if (read.encoding() != null) {
            body.put("encoding", read.encoding().label());
        }
        return body;
    }

    @GetMapping("/template.csv")
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(StatisticsFile.template().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/template.xlsx")
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<byte[]> templateXlsx() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statistics-template.xlsx\"")
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(StatisticsFile.templateXlsx());
    }

    /** A unit's values in force, by measure and month, from {@code from} to {@code to} (both YYYY-MM). */
    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    List<Map<String, Object>> values(Actor actor, @RequestParam String unit, @RequestParam String from,
                                     @RequestParam String to) {
        UnitRef u = unit(actor, unit);
        List<Problem> problems = new ArrayList<>();
        YearMonth f = month("from", from, problems);
        YearMonth t = month("to", to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("intake", problems);
        }
        return intake.ofUnit(actor, u, f, t).stream().map(v -> {
            Map<String, Object> m = NamedValues.of("unit", u.code(), "month", v.month().toString(), "measure", v.measure(),
                    "value", v.value());
            return m;
        }).toList();
    }

    /** A unit's restatements, latest first: measure, month, old and new value, who, when and why. */
    @GetMapping("/restatements")
    @PreAuthorize("hasRole('ANALYST')")
    Paged<Map<String, Object>> restatements(Actor actor, @RequestParam String unit,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        UnitRef u = unit(actor, unit);
        return intake.restatements(actor, u, page, size).map(r -> restatement(u, r));
    }

    @GetMapping("/settings")
    @PreAuthorize("hasRole('ANALYST')")
    Settings settings(Actor actor) {
        return new Settings(intake.restatementNeedsReason(actor));
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Settings changeSettings(Actor actor, @RequestBody Settings body) {
        if (body == null || body.restatementNeedsReason() == null) {
            throw new InvalidInputException("intake",
                    Problem.of("restatementNeedsReason", "intake.statistic.error.required"));
        }
        intake.requireRestatementReason(actor, body.restatementNeedsReason());
        return new Settings(intake.restatementNeedsReason(actor));
    }

    private UnitRef unit(Actor actor, String code) {
        return units.findByCode(actor, code).orElseThrow(() -> new UnitNotFoundException(code));
    }

    private static YearMonth month(String field, String text, List<Problem> problems) {
        try {
            return YearMonth.parse(text.strip());
        } catch (RuntimeException e) {
            problems.add(Problem.of(field, "intake.statistic.error.monthFormat", text));
            return null;
        }
    }

    private static Map<String, Object> restatement(UnitRef u, Restatement r) {
        Map<String, Object> m = NamedValues.of("unit", u.code(), "month", r.month().toString(), "measure", r.measure(),
                "oldValue", r.oldValue(), "newValue", r.newValue(), "reason", r.reason(), "restatedBy", r.restatedBy(),
                "restatedAt", r.restatedAt());
        return m;
    }

    private Map<String, Object> answer(StatisticsReport report, Locale locale) {
        return answer(report, locale, messages);
    }

    /**
     * The answer to a batch of statistics, {@code {accepted, restated, duplicates, rejected:[{index, errors:[{field,
     * message}]}]}}, the messages in {@code locale}; also the answer of a statistics file sent to the event imports.
     */
    static Map<String, Object> answer(StatisticsReport report, Locale locale, MessageSource messages) {
        Map<String, Object> body = NamedValues.of("accepted", report.accepted(), "restated", report.restated(),
                "duplicates", report.duplicates());
        body.put("rejected", report.rejected().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", r.index());
            row.put("errors", r.errors().stream().map(p -> {
                Map<String, Object> e = NamedValues.of("field", p.path(),
                        "message", messages.getMessage(p.messageKey(), p.args().toArray(), locale));
                return e;
            }).toList());
            return row;
        }).toList());
        return body;
    }

    /** A JSON row; a field that is not text (or a number where a number belongs) is read as missing or as text. */
    private static RawStatistic read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new RawStatistic(null, null, null, null, node == null ? null : node.toString(), null);
        }
        JsonNode value = node.get("value");
        BigDecimal number = value != null && value.isNumber() ? value.decimalValue() : null;
        String text = value == null || value.isNull() || value.isNumber() ? null
                : value.isString() ? value.stringValue() : value.toString();
        return new RawStatistic(text(node, "unit"), text(node, "month"), text(node, "measure"), number, text,
                text(node, "reason"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isString() ? v.stringValue() : v.toString();
    }
}
