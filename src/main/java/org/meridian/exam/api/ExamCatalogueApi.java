package org.meridian.exam.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.meridian.shared.files.FileLimits;
import org.meridian.exam.Alliance;
import org.meridian.exam.AllianceRegistry;
import org.meridian.exam.ExamCatalogue;
import org.meridian.exam.ExamItem;
import org.meridian.exam.ExamItemDraft;
import org.meridian.exam.ExceptionReason;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The region's exam catalogue ({@code /api/v1/exam-items}), exception reasons ({@code /api/v1/exam-exception-reasons})
 * and alliances ({@code /api/v1/alliances}). Changing needs REGION_ADMIN (the region's administrator keeps them; a
 * hospital's ADMIN gets 403, as a regulator does); every signed-in user of the region reads them.
 */
@RestController
class ExamCatalogueApi {

    static final List<String> ITEM_COLUMNS = List.of("code", "name", "category", "validDays", "scope", "price");

    private final ExamCatalogue catalogue;
    private final AllianceRegistry alliances;

    private final FileLimits limits;

    ExamCatalogueApi(ExamCatalogue catalogue, AllianceRegistry alliances, FileLimits limits) {
        this.limits = limits;
        this.catalogue = catalogue;
        this.alliances = alliances;
    }

    /** The body of a PUT; {@code validDays} and {@code price} may be numbers or strings. */
    record ItemRequest(String name, String category, Object validDays, String scope, Object price) {
    }

    record AllianceRequest(String code, String name, String lead, List<String> members) {
    }

    @PutMapping("/api/v1/exam-items/{code}")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    ExamItem put(Actor actor, @PathVariable String code, @RequestBody ItemRequest body) {
        return catalogue.put(actor, new ExamItemDraft(code, body.name(), body.category(), text(body.validDays()),
                body.scope(), text(body.price())));
    }

    @GetMapping("/api/v1/exam-items")
    List<ExamItem> items(Actor actor) {
        return catalogue.items(actor);
    }

    /**
     * A CSV file with the header {@code code,name,category,validDays,scope,price}: every row put, or (with any bad
     * row) none, answered with every row's problems.
     */
    @PostMapping(value = "/api/v1/exam-items/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('REGION_ADMIN')")
    Map<String, Object> upload(Actor actor, @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("exam", Problem.of("file", "exam.error.fileRequired"));
        }
        ExamCsv.Read read = ExamCsv.read(file, limits, ITEM_COLUMNS, List.of());
        List<Map<String, String>> rows = read.rows();
        List<ExamItem> put = catalogue.putAll(actor, rows.stream().map(r -> new ExamItemDraft(r.get("code"),
                r.get("name"), r.get("category"), r.get("validDays"), r.get("scope"), r.get("price"))).toList());
        return Map.of("put", put.size(), "encoding", read.encoding().label());
    }

    @GetMapping("/api/v1/exam-exception-reasons")
    List<ExceptionReason> reasons(Actor actor) {
        return catalogue.reasons(actor);
    }

    record ReasonRequest(String nameZh, String nameEn) {
    }

    /** Creates or renames one of the region's exception reasons (who may: as for the catalogue's items). */
    @PutMapping("/api/v1/exam-exception-reasons/{code}")
    ExceptionReason putReason(Actor actor, @PathVariable String code, @RequestBody ReasonRequest body) {
        return catalogue.putReason(actor, code, body.nameZh(), body.nameEn());
    }

    @PostMapping("/api/v1/alliances")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    ResponseEntity<Alliance> create(Actor actor, @RequestBody AllianceRequest body) {
        Alliance a = alliances.create(actor, body.code(), body.name(), body.lead(), body.members());
        return ResponseEntity.created(java.net.URI.create("/api/v1/alliances/" + a.code())).body(a);
    }

    @GetMapping("/api/v1/alliances")
    List<Alliance> alliances(Actor actor) {
        return alliances.all(actor);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
