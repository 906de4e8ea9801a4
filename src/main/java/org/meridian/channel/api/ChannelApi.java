package org.meridian.channel.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.meridian.channel.Channel;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelImport;
import org.meridian.channel.ChannelLifecycle;
import org.meridian.channel.ChannelQuery;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.channel.StatusChange;
import org.meridian.channel.Tier;
import org.meridian.channel.TierCatalogue;
import org.meridian.channel.TierChange;
import org.meridian.channel.TierChangeSource;
import org.meridian.channel.TierChangeWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.PatchBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channel calls of api.md (Channels) and the project's additions: lifecycle steps, tier changes
 * and their approval, the tier catalogue. Reading needs ANALYST, changing CHANNEL_MANAGER, deciding a
 * downgrade HOSPITAL_MANAGER; CHANNEL_USER and REGULATOR get 403. Everything is in the caller's hospital.
 */
@RestController
@RequestMapping("/api/v1")
class ChannelApi {

    /** Fields a PATCH may name; {@code code} only with the channel's own code. */
    private static final Set<String> PATCHABLE = Set.of("code", "name", "type", "cooperationLevel", "status",
            "statusReason", "region", "address", "contactName", "contactPhone", "contractStart", "contractEnd",
            "contractRef", "notes");

    private final ChannelRegistry registry;
    private final ChannelLifecycle lifecycle;
    private final TierCatalogue catalogue;
    private final TierChangeWorkflow tierChanges;
    private final ChannelImport imports;
    private final org.springframework.context.MessageSource messages;

    ChannelApi(ChannelRegistry registry, ChannelLifecycle lifecycle, TierCatalogue catalogue,
               TierChangeWorkflow tierChanges, ChannelImport imports,
               org.springframework.context.MessageSource messages) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.catalogue = catalogue;
        this.tierChanges = tierChanges;
        this.imports = imports;
        this.messages = messages;
    }

    /** An import's answer: rows registered, and each rejected row with its 1-based data row number and reasons. */
    record ImportAnswer(int accepted, List<String> created, List<Rejected> rejected, String encoding) {
    }

    record Rejected(int index, String code, List<Map<String, String>> errors) {
    }

    /** The body of a create call (api.md) with the project's optional additions. */
    record ChannelRequest(String code, String name, String type, String status, String region,
                          String cooperationLevel, String address, String contactName, String contactPhone,
                          String contractStart, String contractEnd, String contractRef, String notes) {
    }

    record StatusRequest(String status, String reason) {
    }

    record TierChangeRequest(String tier, String reason) {
    }

    record DecisionRequest(String note) {
    }

    @PostMapping("/channels")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<Channel> create(Actor actor, @RequestBody ChannelRequest body) {
        Channel c = registry.register(actor, new ChannelDraft(body.code(), body.name(), body.type(),
                body.cooperationLevel(), body.status(), body.region(), body.address(), body.contactName(),
                body.contactPhone(), body.contractStart(), body.contractEnd(), body.contractRef(), body.notes()));
        return ResponseEntity.created(URI.create("/api/v1/channels/" + c.code())).body(c);
    }

    @GetMapping("/channels")
    @PreAuthorize("hasRole('ANALYST')")
    Paged<Channel> search(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String type,
                          @RequestParam(required = false) String tier, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String region,
                          @RequestParam(required = false) String cooperationLevel,
                          @RequestParam(required = false) String contractEndsWithinDays,
                          @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        return registry.search(actor, ChannelQuery.parse(q, type, tier, status, region,
                cooperationLevel, contractEndsWithinDays, sort, dir, page, size));
    }

    @GetMapping("/channels/{code}")
    @PreAuthorize("hasRole('ANALYST')")
    Channel one(Actor actor, @PathVariable String code) {
        return registry.get(actor, code);
    }

    @PatchMapping("/channels/{code}")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Channel patch(Actor actor, @PathVariable String code, @RequestBody Map<String, Object> body) {
        Channel current = registry.get(actor, code);
        List<Problem> problems = PatchBody.problems(body, PATCHABLE, "channel");
        if (body.containsKey("code") && !current.code().equals(String.valueOf(body.get("code")))) {
            problems.add(Problem.of("code", "channel.error.codeFixed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        ChannelDraft was = ChannelDraft.of(current);
        ChannelDraft merged = new ChannelDraft(current.code(), pick(body, "name", was.name()),
                pick(body, "type", was.type()), pick(body, "cooperationLevel", was.cooperationLevel()),
                pick(body, "status", was.status()), pick(body, "region", was.region()),
                pick(body, "address", was.address()), pick(body, "contactName", was.contactName()),
                pick(body, "contactPhone", was.contactPhone()), pick(body, "contractStart", was.contractStart()),
                pick(body, "contractEnd", was.contractEnd()), pick(body, "contractRef", was.contractRef()),
                pick(body, "notes", was.notes()));
        return registry.update(actor, code, merged, pick(body, "statusReason", null));
    }

    /** A lifecycle step with its reason, e.g. {@code {"status": "PROBATION", "reason": "投诉率连续超标"}}. */
    @PostMapping("/channels/{code}/status")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Channel status(Actor actor, @PathVariable String code, @RequestBody StatusRequest body) {
        return lifecycle.changeStatus(actor, code, ChannelStatus.named(body.status(), "reason", body.reason()),
                body.reason());
    }

    @GetMapping("/channels/{code}/status-changes")
    @PreAuthorize("hasRole('ANALYST')")
    List<StatusChange> statusHistory(Actor actor, @PathVariable String code) {
        return lifecycle.history(actor, registry.get(actor, code).id());
    }

    @GetMapping("/channels/{code}/tier-changes")
    @PreAuthorize("hasRole('ANALYST')")
    List<TierChange> tierHistory(Actor actor, @PathVariable String code) {
        return tierChanges.history(actor, registry.get(actor, code).id());
    }

    /** Requests a tier: an upgrade or first tier answers APPLIED, a downgrade PENDING (201 either way). */
    @PostMapping("/channels/{code}/tier-changes")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    @ResponseStatus(HttpStatus.CREATED)
    TierChange requestTier(Actor actor, @PathVariable String code, @RequestBody TierChangeRequest body) {
        return tierChanges.request(actor, registry.get(actor, code).id(), body.tier(), body.reason(),
                TierChangeSource.MANUAL, null);
    }

    /** Downgrades waiting for a decision, paged like every API list. */
    @GetMapping("/channel-tier-changes")
    @PreAuthorize("hasRole('ANALYST')")
    Paged<TierChange> pending(Actor actor, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        return Paged.slice(tierChanges.pending(actor), page, size);
    }

    @PostMapping("/channel-tier-changes/{id}/approve")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    TierChange approve(Actor actor, @PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return tierChanges.decide(actor, id, true, body == null ? null : body.note());
    }

    @PostMapping("/channel-tier-changes/{id}/reject")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    TierChange reject(Actor actor, @PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return tierChanges.decide(actor, id, false, body == null ? null : body.note());
    }

    /**
     * Bulk registration from a CSV or XLSX upload (multipart field {@code file}); format in
     * docs/channels.md. Valid rows are registered together, invalid rows reported with every reason.
     */
    @PostMapping(path = "/channels/imports", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ImportAnswer importFile(Actor actor,
                            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("channel", Problem.of("file", "channel.import.noFile"));
        }
        ChannelImport.Report report = imports.importFile(actor, file.getOriginalFilename(),
                file.getBytes());
        List<Rejected> rejected = report.rejected().stream().map(r -> new Rejected(r.index(), r.code(),
                r.problems().stream().map(p -> Map.of("field", p.path(), "message", messages.getMessage(
                        p.messageKey(), p.args().toArray(), p.messageKey(),
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()))).toList())).toList();
        return new ImportAnswer(report.created().size(), report.created(), rejected, report.encoding());
    }

    @GetMapping("/channel-tiers")
    @PreAuthorize("hasRole('ANALYST')")
    List<Tier> tiers(Actor actor) {
        return catalogue.tiers(actor);
    }

    private static String pick(Map<String, Object> body, String key, String otherwise) {
        if (!body.containsKey(key)) {
            return otherwise;
        }
        Object v = body.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
