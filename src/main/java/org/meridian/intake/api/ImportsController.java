package org.meridian.intake.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.intake.EventImports;
import org.meridian.intake.ImportFileException;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/imports}: CSV and XLSX uploads of events, and the list of imports with their reports. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportsController {

    private final EventImports imports;

    ImportsController(EventImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Map<String, Object> upload(@RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw IntakeProblem.badRequest("File required", "Upload a CSV or XLSX file in the multipart field 'file'.",
                    "file");
        }
        MeridianUser user = CurrentUser.require();
        Path stored = Files.createTempFile("meridian-import-", ".upload");
        try {
            file.transferTo(stored);
            EventImports.Result result = imports.importFile(user.hospitalId(), file.getOriginalFilename(), stored,
                    user.getUsername());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("importId", result.importId());
            body.put("accepted", result.report().accepted());
            body.put("duplicates", result.report().duplicates());
            body.put("rejected", result.report().rejected());
            body.put("warnings", result.report().warnings());
            return body;
        } finally {
            Files.deleteIfExists(stored);
        }
    }

    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    Paged<EventImports.ImportRun> list(@RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        return imports.list(CurrentUser.hospitalId(), page, size);
    }

    @ExceptionHandler(ImportFileException.class)
    ProblemDetail unreadable(ImportFileException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Unreadable import file");
        p.setProperty("errors", List.of(Map.of("field", "file", "message", e.getMessage())));
        return p;
    }
}
