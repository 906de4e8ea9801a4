package org.meridian.intake.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.meridian.intake.EventImports;
import org.meridian.intake.ImportNotFoundException;
import org.meridian.intake.IntakeQuality;
import org.meridian.intake.RejectionWorkbook;
import org.meridian.intake.StatisticsFile;
import org.meridian.intake.StatisticsIntake;
import org.meridian.shared.NamedValues;
import org.meridian.shared.files.FileLimits;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.EnglishByDefault;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/imports}: CSV and XLSX uploads of events, and the list of imports with their reports. A statistics
 * file (its header names {@code measure} and no {@code eventId}: {@link StatisticsFile#recognises}) is recorded as
 * {@code POST /api/v1/statistics/import} records it, and answered as it answers, with {@code kind: STATISTICS}.
 */
@RestController
@EnglishByDefault
@RequestMapping("/api/v1/imports")
class ImportsController {

    private final EventImports imports;
    private final IntakeQuality quality;
    private final RejectionWorkbook workbook;
    private final LocalisedReports reports;

    private final StatisticsIntake statistics;
    private final FileLimits limits;
    private final MessageSource messages;

    ImportsController(EventImports imports, IntakeQuality quality, RejectionWorkbook workbook,
                      LocalisedReports reports, StatisticsIntake statistics, FileLimits limits,
                      MessageSource messages) {
        this.statistics = statistics;
        this.limits = limits;
        this.messages = messages;
        this.imports = imports;
        this.quality = quality;
        this.workbook = workbook;
        this.reports = reports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> upload(@RequestParam(required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw IntakeProblem.badRequest("File required", "Upload a CSV or XLSX file in the multipart field 'file'.",
                    "file");
        }
        MeridianUser user = CurrentUser.require();
        Path stored = Files.createTempFile("meridian-import-", ".upload");
        try {
            file.transferTo(stored);
            if (StatisticsFile.recognises(file.getOriginalFilename(), stored, limits)) {
                return statistics(user, file.getOriginalFilename(), stored, LocalisedReports.locale(request));
            }
            EventImports.Result result = imports.importFile(user.actor(), file.getOriginalFilename(), stored);
            Map<String, Object> body = NamedValues.of("importId", result.importId(), "accepted", result.report().accepted(),
                    "duplicates", result.report().duplicates());
            body.putAll(reports.report(result.report(), LocalisedReports.locale(request)));
            body.put("encoding", result.encoding() == null ? null : result.encoding().label());
            body.put("localTimes", result.localTimes());
            body.put("timeZone", result.timeZone().getId());
            return body;
        } finally {
            Files.deleteIfExists(stored);
        }
    }

    private Map<String, Object> statistics(MeridianUser user, String fileName, Path stored, Locale locale) {
        StatisticsFile.Read read = StatisticsFile.read(() -> Files.newInputStream(stored), fileName, limits);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "STATISTICS");
        body.putAll(StatisticsApi.answer(statistics.record(user.actor(), read.rows(), 1), locale, messages));
        if (read.encoding() != null) {
            body.put("encoding", read.encoding().label());
        }
        return body;
    }

    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    Paged<Map<String, Object>> list(@RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size, HttpServletRequest request) {
        Locale locale = LocalisedReports.locale(request);
        return imports.list(CurrentUser.hospitalId(), page, size).map(run -> reports.importRun(run, locale));
    }

    /**
     * The rejected rows of one import as XLSX (row number, the values as received, every reason in the
     * caller's language); 404 when the hospital has no such import.
     */
    @GetMapping("/{id}/rejections.xlsx")
    @PreAuthorize("hasRole('ANALYST')")
    void rejections(@PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long h = CurrentUser.hospitalId();
        if (quality.importRun(h, id).isEmpty()) {
            throw new ImportNotFoundException(id);
        }
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejections.xlsx\"");
        workbook.write(h, id, LocalisedReports.locale(request), response.getOutputStream());
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
