package org.meridian.appeal.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.shared.Enums;
import org.meridian.shared.web.Downloads;
import org.meridian.appeal.Appeal;
import org.meridian.appeal.AppealProcedure;
import org.meridian.appeal.AppealSettings;
import org.meridian.appeal.AppealStatus;
import org.meridian.appeal.Attachment;
import org.meridian.appeal.CorrectedEvents;
import org.meridian.appeal.Correction;
import org.meridian.appeal.Decision;
import org.meridian.appeal.NewAppeal;
import org.meridian.shared.UnitType;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/appeals} (docs/appeals.md): filing (CHANNEL_USER for its own channel, CHANNEL_MANAGER and above for
 * any), attachments, review and decision (CHANNEL_MANAGER and above, never the filer), reading (ANALYST and above
 * everything, CHANNEL_USER its own channel's) and the hospital's deadlines (set by HOSPITAL_MANAGER).
 */
@RestController
@RequestMapping("/api/v1/appeals")
class AppealApi {

    private final AppealProcedure appeals;

    AppealApi(AppealProcedure appeals) {
        this.appeals = appeals;
    }

    record AttachmentView(long id, String fileName, String contentType, int size, OffsetDateTime uploadedAt,
                          String uploadedBy) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(), a.uploadedAt(), a.uploadedBy());
        }
    }

    record AppealView(long id, long evaluationId, String period, UnitType unitType, int evaluationVersion,
                      String channel, String channelName, String indicator, BigDecimal contestedValue,
                      BigDecimal contestedScore, String statement, AppealStatus status, OffsetDateTime filedAt,
                      String filedBy, OffsetDateTime filingDeadline, OffsetDateTime reviewDue, boolean overdue,
                      OffsetDateTime reviewStartedAt, String reviewStartedBy, OffsetDateTime decidedAt,
                      String decidedBy, String decisionReason, Long correctedEvaluationId,
                      List<AttachmentView> attachments, List<Correction> corrections) {
    }

    record FileRequest(Long evaluationId, String channel, String indicator, String statement) {
    }

    record VoidRequest(String eventId, String reason) {
    }

    record DecisionRequest(String decision, String reason, List<VoidRequest> voids, JsonNode events) {
    }

    record SettingsRequest(Integer filingDays, Integer reviewDays) {
    }

    private AppealView view(Actor actor, Appeal a) {
        return new AppealView(a.id(), a.evaluationId(), a.period(), a.unitType(), a.evaluationVersion(),
                a.channelCode(), a.channelName(), a.indicator(), a.contestedValue(), a.contestedScore(), a.statement(),
                a.status(), a.filedAt(), a.filedBy(), a.filingDeadline(), a.reviewDue(),
                a.overdueAt(appeals.currentTime()), a.reviewStartedAt(), a.reviewStartedBy(), a.decidedAt(),
                a.decidedBy(), a.decisionReason(), a.correctedEvaluationId(),
                appeals.attachments(actor, a.id()).stream().map(AttachmentView::of).toList(),
                appeals.corrections(actor, a.id()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    Paged<AppealView> list(Actor actor, @RequestParam(required = false) String status,
                           @RequestParam(required = false) Long evaluationId,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        return appeals.search(actor, status(status), evaluationId, page, size).map(a -> view(actor, a));
    }

    static AppealStatus status(String text) {
        return Enums.named(AppealStatus.class, text,
                () -> new InvalidInputException("appeal", Problem.of("status", "appeal.error.status", text)));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    AppealView one(Actor actor, @PathVariable long id) {
        return view(actor, appeals.get(actor, id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    ResponseEntity<AppealView> file(Actor actor, @RequestBody(required = false) FileRequest body) {
        FileRequest b = body == null ? new FileRequest(null, null, null, null) : body;
        Appeal a = appeals.file(actor, new NewAppeal(b.evaluationId(), b.channel(), b.indicator(), b.statement()),
                List.of());
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + a.id())).body(view(actor, a));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('CHANNEL_MANAGER', 'CHANNEL_USER')")
    ResponseEntity<AttachmentView> attach(Actor actor, @PathVariable long id,
                                          @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("appeal", Problem.of("file", "appeal.error.required"));
        }
        Attachment a = appeals.attach(actor, id,
                new AppealProcedure.Upload(file.getOriginalFilename(), file.getBytes()));
        return ResponseEntity.created(URI.create("/api/v1/appeals/" + id + "/attachments/" + a.id()))
                .body(AttachmentView.of(a));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
        return download(appeals.attachment(actor, id, attachmentId));
    }

    /** The file as an attachment download with its stored type and name. */
    static ResponseEntity<byte[]> download(Attachment.File f) {
        return Downloads.attachment(MediaType.parseMediaType(f.attachment().contentType()),
                f.attachment().fileName(), StandardCharsets.UTF_8, f.content());
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    AppealView review(Actor actor, @PathVariable long id) {
        return view(actor, appeals.startReview(actor, id));
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    AppealView decide(Actor actor, @PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        DecisionRequest b = body == null ? new DecisionRequest(null, null, null, null) : body;
        String d = b.decision() == null ? "" : b.decision().strip().toUpperCase(Locale.ROOT);
        if (!d.equals("UPHOLD") && !d.equals("REJECT")) {
            List<Problem> problems = new ArrayList<>();
            problems.add(Problem.of("decision", "appeal.error.decision", String.valueOf(b.decision())));
            if (b.reason() == null || b.reason().isBlank()) {
                problems.add(Problem.of("reason", "appeal.error.reasonRequired"));
            }
            throw new InvalidInputException("appeal", problems);
        }
        List<Decision.EventVoid> voids = b.voids() == null ? List.of()
                : b.voids().stream().map(v -> v == null ? new Decision.EventVoid(null, null)
                        : new Decision.EventVoid(v.eventId(), v.reason())).toList();
        Decision decision = new Decision(d.equals("UPHOLD"), b.reason(), voids, CorrectedEvents.read(b.events()));
        return view(actor, appeals.decide(actor, id, decision));
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    AppealSettings settings(Actor actor) {
        return appeals.settings(actor);
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    AppealSettings saveSettings(Actor actor, @RequestBody(required = false) SettingsRequest body) {
        SettingsRequest b = body == null ? new SettingsRequest(null, null) : body;
        return appeals.saveSettings(actor, b.filingDays(), b.reviewDays());
    }
}
