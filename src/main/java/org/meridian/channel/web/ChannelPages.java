package org.meridian.channel.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.Channel;
import org.meridian.channel.ChannelConflictException;
import org.meridian.channel.ChannelLifecycle;
import org.meridian.channel.ChannelNotFoundException;
import org.meridian.channel.ChannelPanels;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.channel.ChannelVisibility;
import org.meridian.channel.CooperationLevel;
import org.meridian.channel.ReviewCadence;
import org.meridian.channel.Tier;
import org.meridian.channel.TierCatalogue;
import org.meridian.channel.TierChange;
import org.meridian.channel.TierChangeSource;
import org.meridian.channel.TierChangeWorkflow;
import org.meridian.channel.TierStandard;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemPage;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The channel office's pages: the list with search, filters, sorting and paging (its results alone for
 * htmx), a channel's detail with lifecycle, tier and history, the create and edit forms, downgrades
 * waiting for approval, contracts ending soon and the tier standards. Reading needs ANALYST, changing
 * CHANNEL_MANAGER, deciding downgrades and editing tier standards HOSPITAL_MANAGER.
 */
@Controller
@RequestMapping("/channels")
@ProblemPage(value = ChannelNotFoundException.class, view = "channels/not-found", activeNav = "channels")
@PreAuthorize("hasRole('ANALYST')")
class ChannelPages {

    private final ChannelRegistry registry;
    private final ChannelLifecycle lifecycle;
    private final TierCatalogue catalogue;
    private final TierChangeWorkflow tierChanges;
    private final HospitalCalendar calendar;
    private final ProblemTexts texts;
    private final ObjectProvider<ChannelPanels> panels;

    ChannelPages(ChannelRegistry registry, ChannelLifecycle lifecycle, TierCatalogue catalogue,
                 TierChangeWorkflow tierChanges, HospitalCalendar calendar, ProblemTexts texts,
                 ObjectProvider<ChannelPanels> panels) {
        this.panels = panels;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.catalogue = catalogue;
        this.tierChanges = tierChanges;
        this.calendar = calendar;
        this.texts = texts;
    }

    @ModelAttribute
    void common(Actor actor, Model model) {
        model.addAttribute("activeNav", "channels");
        model.addAttribute("canEdit", ChannelVisibility.changesChannels(actor));
        model.addAttribute("canDecide", ChannelVisibility.decidesTiers(actor));
        model.addAttribute("types", UnitType.channelTypes());
        model.addAttribute("statuses", ChannelStatus.values());
        model.addAttribute("levels", CooperationLevel.values());
        model.addAttribute("cadences", ReviewCadence.values());
        model.addAttribute("zone", calendar.zone(actor.hospitalId()));
    }

    // ---- list -----------------------------------------------------------------------------------

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String type,
                @RequestParam(required = false) String tier, @RequestParam(required = false) String status,
                @RequestParam(required = false) String region,
                @RequestParam(required = false) String cooperationLevel,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "" + ListFilter.DEFAULT_SIZE) int size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ListFilter filter = new ListFilter(q, type, tier, status, region, cooperationLevel, sort, dir, page, size);
        Paged<Channel> result;
        try {
            result = registry.search(actor, filter.query());
        } catch (InvalidInputException e) {
            model.addAttribute("filterErrors", texts.byField(e.problems(), "；"));
            filter = filter.firstPageDefaults();
            result = registry.search(actor, filter.query());
        }
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("tiers", catalogue.tiers(actor));
        model.addAttribute("regions", registry.regions(actor));
        model.addAttribute("pendingCount", tierChanges.countPending(actor));
        model.addAttribute("today", calendar.today(actor.hospitalId()));
        model.addAttribute("warningDays", registry.contractWarningDays());
        return htmx != null ? "channels/list :: results" : "channels/list";
    }

    @GetMapping("/expiring")
    String expiring(Actor actor, Model model) {
        model.addAttribute("result", registry.contractsEndingSoon(actor, Paged.MAX_SIZE));
        model.addAttribute("warningDays", registry.contractWarningDays());
        model.addAttribute("today", calendar.today(actor.hospitalId()));
        model.addAttribute("tiers", catalogue.tiers(actor));
        return "channels/expiring";
    }

    // ---- create and edit ------------------------------------------------------------------------

    @GetMapping("/new")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String createForm(Model model) {
        model.addAttribute("form", new ChannelForm());
        model.addAttribute("creating", true);
        return "channels/form";
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String create(Actor actor, @ModelAttribute("form") ChannelForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            Channel c = registry.register(actor, form.draft());
            redirect.addFlashAttribute("notice", "channel.notice.created");
            return "redirect:/channels/" + UriUtils.encodePathSegment(c.code(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            ProblemTexts.reject(binding, e.problems());
        } catch (ChannelConflictException e) {
            binding.rejectValue("code", "channel.error.duplicate");
        }
        model.addAttribute("creating", true);
        return "channels/form";
    }

    @GetMapping("/{code}/edit")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String editForm(Actor actor, @PathVariable String code, Model model) {
        Channel c = registry.get(actor, code);
        model.addAttribute("form", ChannelForm.of(c));
        model.addAttribute("channel", c);
        model.addAttribute("creating", false);
        return "channels/form";
    }

    @PostMapping("/{code}/edit")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String edit(Actor actor, @PathVariable String code, @ModelAttribute("form") ChannelForm form,
                BindingResult binding, Model model, RedirectAttributes redirect) {
        Channel c = registry.get(actor, code);
        form.setCode(c.code());
        form.setStatus(c.status().name());
        try {
            registry.update(actor, code, form.draft(), null);
            redirect.addFlashAttribute("notice", "channel.notice.saved");
            return "redirect:" + detailPath(c.code());
        } catch (InvalidInputException e) {
            ProblemTexts.reject(binding, e.problems());
        }
        model.addAttribute("channel", c);
        model.addAttribute("creating", false);
        return "channels/form";
    }

    // ---- detail, lifecycle, tier ----------------------------------------------------------------

    @GetMapping("/{code}")
    String detail(Actor actor, @PathVariable String code, Model model) {
        return detailView(actor, registry.get(actor, code), model);
    }

    @PostMapping("/{code}/status")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String changeStatus(Actor actor, @PathVariable String code, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            lifecycle.changeStatus(actor, code, ChannelStatus.named(status, "reason", reason), reason);
            redirect.addFlashAttribute("notice", "channel.notice.statusChanged");
            return "redirect:" + detailPath(code);
        } catch (InvalidInputException e) {
            model.addAttribute("statusErrors", texts.byField(e.problems(), "；"));
            model.addAttribute("statusInput", Map.of("status", status == null ? "" : status,
                    "reason", reason == null ? "" : reason));
            return detailView(actor, registry.get(actor, code), model);
        }
    }

    @PostMapping("/{code}/tier")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String changeTier(Actor actor, @PathVariable String code, @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Channel c = registry.get(actor, code);
        try {
            TierChange change = tierChanges.request(actor, c.id(), tier, reason, TierChangeSource.MANUAL, null);
            redirect.addFlashAttribute("notice", change.pending() ? "channel.notice.downgradePending"
                    : "channel.notice.tierChanged");
            return "redirect:" + detailPath(code);
        } catch (InvalidInputException e) {
            model.addAttribute("tierErrors", texts.byField(e.problems(), "；"));
            model.addAttribute("tierInput", Map.of("tier", tier == null ? "" : tier,
                    "reason", reason == null ? "" : reason));
            return detailView(actor, c, model);
        }
    }

    // ---- approvals ------------------------------------------------------------------------------

    @GetMapping("/approvals")
    String approvals(Actor actor, Model model) {
        model.addAttribute("pending", tierChanges.pending(actor));
        model.addAttribute("tiers", catalogue.tiers(actor));
        model.addAttribute("me", actor.username());
        return "channels/approvals";
    }

    @PostMapping("/tier-changes/{id}/{decision:approve|reject}")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String decide(Actor actor, @PathVariable long id, @PathVariable String decision,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String back,
                  RedirectAttributes redirect) {
        TierChange change = tierChanges.find(actor, id)
                .orElseThrow(() -> ChannelNotFoundException.tierChange(id));
        try {
            tierChanges.decide(actor, id, decision.equals("approve"), note);
            redirect.addFlashAttribute("notice", decision.equals("approve") ? "channel.notice.approved"
                    : "channel.notice.rejected");
        } catch (RefusedException e) {
            if (!"four-eyes".equals(e.kind())) {
                throw e;
            }
            redirect.addFlashAttribute("problem", "channel.problem.selfApproval");
        } catch (ChannelConflictException e) {
            redirect.addFlashAttribute("problem", "channel.problem.notPending");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "channel.problem.noteTooLong");
        }
        return "redirect:" + ("detail".equals(back) ? detailPath(change.channelCode()) : "/channels/approvals");
    }

    // ---- tier standards -------------------------------------------------------------------------

    @GetMapping("/tiers")
    String tiers(Actor actor, Model model) {
        model.addAttribute("tiers", catalogue.tiers(actor));
        return "channels/tiers";
    }

    @PostMapping("/tiers/{code}")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String saveTier(Actor actor, @PathVariable String code, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes redirect) {
        catalogue.get(actor, code);
        try {
            catalogue.updateStandard(actor, code, TierStandard.parse(form.get("name"), form.get("reviewCadence"),
                    form.get("visitsPerYear"), form.get("incentiveRate"), form.get("priorityQuota"),
                    form.get("responseHours"), form.get("arrivalRate"), form.get("notes")));
            redirect.addFlashAttribute("notice", "channel.notice.tierSaved");
            return "redirect:/channels/tiers";
        } catch (InvalidInputException e) {
            model.addAttribute("tiers", catalogue.tiers(actor));
            model.addAttribute("editing", code);
            model.addAttribute("tierErrors", texts.byField(e.problems(), "；"));
            Map<String, String> input = new LinkedHashMap<>();
            for (String field : List.of("name", "reviewCadence", "visitsPerYear", "incentiveRate", "priorityQuota",
                    "responseHours", "arrivalRate", "notes")) {
                input.put(field, form.getOrDefault(field, "")); // a field the request left out shows empty
            }
            model.addAttribute("tierInput", input);
            return "channels/tiers";
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String detailView(Actor actor, Channel c, Model model) {
        List<Tier> tiers = catalogue.tiers(actor);
        List<TierChange> history = tierChanges.history(actor, c.id());
        Optional<TierChange> pending = history.stream().filter(TierChange::pending).findFirst();
        model.addAttribute("channel", c);
        model.addAttribute("tiers", tiers);
        model.addAttribute("tier", tiers.stream().filter(t -> t.code().equals(c.tier())).findFirst().orElse(null));
        model.addAttribute("tierHistory", history);
        model.addAttribute("statusHistory", lifecycle.history(actor, c.id()));
        model.addAttribute("pending", pending.orElse(null));
        model.addAttribute("ownRequest", pending.map(p -> !FourEyes.allows(p.requestedBy(), actor)).orElse(false));
        model.addAttribute("nextStatuses", c.status().next().stream().sorted().toList());
        model.addAttribute("today", calendar.today(actor.hospitalId()));
        model.addAttribute("warningDays", registry.contractWarningDays());
        model.addAttribute("panels", panels.orderedStream().flatMap(p -> p.panels(actor, c.ref()).stream())
                .sorted(java.util.Comparator.comparingInt(ChannelPanels.Panel::order)).toList());
        return "channels/detail";
    }

    private static String detailPath(String code) {
        return "/channels/" + UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
