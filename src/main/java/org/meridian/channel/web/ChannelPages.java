package org.meridian.channel.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.Channel;
import org.meridian.channel.ChannelConflictException;
import org.meridian.channel.ChannelNotFoundException;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.channel.CooperationLevel;
import org.meridian.channel.ReviewCadence;
import org.meridian.channel.SelfApprovalException;
import org.meridian.channel.Tier;
import org.meridian.channel.TierChange;
import org.meridian.channel.TierChangeSource;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
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
@PreAuthorize("hasRole('ANALYST')")
class ChannelPages {

    private final ChannelRegistry registry;
    private final RoleHierarchy roles;
    private final MessageSource messages;

    ChannelPages(ChannelRegistry registry, RoleHierarchy roles, MessageSource messages) {
        this.registry = registry;
        this.roles = roles;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("activeNav", "channels");
        model.addAttribute("canEdit", has(Role.CHANNEL_MANAGER));
        model.addAttribute("canDecide", has(Role.HOSPITAL_MANAGER));
        model.addAttribute("types", UnitType.values());
        model.addAttribute("statuses", ChannelStatus.values());
        model.addAttribute("levels", CooperationLevel.values());
        model.addAttribute("cadences", ReviewCadence.values());
        CurrentUser.find().ifPresent(u -> model.addAttribute("zone", registry.zone(u.hospitalId())));
    }

    // ---- list -----------------------------------------------------------------------------------

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                @RequestParam(required = false) String tier, @RequestParam(required = false) String status,
                @RequestParam(required = false) String region,
                @RequestParam(required = false) String cooperationLevel,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "" + ListFilter.DEFAULT_SIZE) int size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        long h = CurrentUser.hospitalId();
        ListFilter filter = new ListFilter(q, type, tier, status, region, cooperationLevel, sort, dir, page, size);
        Paged<Channel> result;
        try {
            result = registry.search(h, filter.query());
        } catch (InvalidInputException e) {
            model.addAttribute("filterErrors", resolve(e.problems()));
            filter = filter.firstPageDefaults();
            result = registry.search(h, filter.query());
        }
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("tiers", registry.tiers(h));
        model.addAttribute("regions", registry.regions(h));
        model.addAttribute("pendingCount", registry.countPendingTierChanges(h));
        model.addAttribute("today", registry.today(h));
        model.addAttribute("warningDays", registry.contractWarningDays());
        return htmx != null ? "channels/list :: results" : "channels/list";
    }

    @GetMapping("/expiring")
    String expiring(Model model) {
        long h = CurrentUser.hospitalId();
        model.addAttribute("result", registry.contractsEndingSoon(h, Paged.MAX_SIZE));
        model.addAttribute("warningDays", registry.contractWarningDays());
        model.addAttribute("today", registry.today(h));
        model.addAttribute("tiers", registry.tiers(h));
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
    String create(@ModelAttribute("form") ChannelForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            Channel c = registry.register(CurrentUser.hospitalId(), form.draft());
            redirect.addFlashAttribute("notice", "channel.notice.created");
            return "redirect:/channels/" + UriUtils.encodePathSegment(c.code(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            reject(binding, e.problems());
        } catch (ChannelConflictException e) {
            binding.rejectValue("code", "channel.error.duplicate");
        }
        model.addAttribute("creating", true);
        return "channels/form";
    }

    @GetMapping("/{code}/edit")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String editForm(@PathVariable String code, Model model) {
        Channel c = registry.get(CurrentUser.hospitalId(), code);
        model.addAttribute("form", ChannelForm.of(c));
        model.addAttribute("channel", c);
        model.addAttribute("creating", false);
        return "channels/form";
    }

    @PostMapping("/{code}/edit")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String edit(@PathVariable String code, @ModelAttribute("form") ChannelForm form, BindingResult binding,
                Model model, RedirectAttributes redirect) {
        long h = CurrentUser.hospitalId();
        Channel c = registry.get(h, code);
        form.setCode(c.code());
        form.setStatus(c.status().name());
        try {
            registry.update(h, code, form.draft(), null);
            redirect.addFlashAttribute("notice", "channel.notice.saved");
            return "redirect:" + detailPath(c.code());
        } catch (InvalidInputException e) {
            reject(binding, e.problems());
        }
        model.addAttribute("channel", c);
        model.addAttribute("creating", false);
        return "channels/form";
    }

    // ---- detail, lifecycle, tier ----------------------------------------------------------------

    @GetMapping("/{code}")
    String detail(@PathVariable String code, Model model) {
        return detailView(registry.get(CurrentUser.hospitalId(), code), model);
    }

    @PostMapping("/{code}/status")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String changeStatus(@PathVariable String code, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        long h = CurrentUser.hospitalId();
        try {
            registry.changeStatus(h, code, status, reason);
            redirect.addFlashAttribute("notice", "channel.notice.statusChanged");
            return "redirect:" + detailPath(code);
        } catch (InvalidInputException e) {
            model.addAttribute("statusErrors", resolve(e.problems()));
            model.addAttribute("statusInput", Map.of("status", status == null ? "" : status,
                    "reason", reason == null ? "" : reason));
            return detailView(registry.get(h, code), model);
        }
    }

    @PostMapping("/{code}/tier")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String changeTier(@PathVariable String code, @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        long h = CurrentUser.hospitalId();
        Channel c = registry.get(h, code);
        try {
            TierChange change = registry.requestTierChange(h, c.id(), tier, reason, TierChangeSource.MANUAL, null);
            redirect.addFlashAttribute("notice", change.pending() ? "channel.notice.downgradePending"
                    : "channel.notice.tierChanged");
            return "redirect:" + detailPath(code);
        } catch (InvalidInputException e) {
            model.addAttribute("tierErrors", resolve(e.problems()));
            model.addAttribute("tierInput", Map.of("tier", tier == null ? "" : tier,
                    "reason", reason == null ? "" : reason));
            return detailView(c, model);
        }
    }

    // ---- approvals ------------------------------------------------------------------------------

    @GetMapping("/approvals")
    String approvals(Model model) {
        long h = CurrentUser.hospitalId();
        model.addAttribute("pending", registry.pendingTierChanges(h));
        model.addAttribute("tiers", registry.tiers(h));
        model.addAttribute("me", CurrentUser.require().userId());
        return "channels/approvals";
    }

    @PostMapping("/tier-changes/{id}/{decision:approve|reject}")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String decide(@PathVariable long id, @PathVariable String decision, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        long h = CurrentUser.hospitalId();
        TierChange change = registry.findTierChange(h, id)
                .orElseThrow(() -> new ChannelNotFoundException("No tier change " + id + " in your hospital."));
        try {
            registry.decideTierChange(h, id, decision.equals("approve"), note);
            redirect.addFlashAttribute("notice", decision.equals("approve") ? "channel.notice.approved"
                    : "channel.notice.rejected");
        } catch (SelfApprovalException e) {
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
    String tiers(Model model) {
        model.addAttribute("tiers", registry.tiers(CurrentUser.hospitalId()));
        return "channels/tiers";
    }

    @PostMapping("/tiers/{code}")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String saveTier(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes redirect) {
        long h = CurrentUser.hospitalId();
        try {
            registry.updateTier(h, code, form.get("name"), form.get("reviewCadence"), form.get("visitsPerYear"),
                    form.get("incentiveRate"), form.get("priorityQuota"), form.get("notes"));
            redirect.addFlashAttribute("notice", "channel.notice.tierSaved");
            return "redirect:/channels/tiers";
        } catch (InvalidInputException e) {
            model.addAttribute("tiers", registry.tiers(h));
            model.addAttribute("editing", code);
            model.addAttribute("tierErrors", resolve(e.problems()));
            model.addAttribute("tierInput", form);
            return "channels/tiers";
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    @ExceptionHandler(ChannelNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        common(model);
        return "channels/not-found";
    }

    private String detailView(Channel c, Model model) {
        long h = CurrentUser.hospitalId();
        List<Tier> tiers = registry.tiers(h);
        List<TierChange> history = registry.tierHistory(h, c.id());
        Optional<TierChange> pending = history.stream().filter(TierChange::pending).findFirst();
        model.addAttribute("channel", c);
        model.addAttribute("tiers", tiers);
        model.addAttribute("tier", tiers.stream().filter(t -> t.code().equals(c.tier())).findFirst().orElse(null));
        model.addAttribute("tierHistory", history);
        model.addAttribute("statusHistory", registry.statusHistory(h, c.id()));
        model.addAttribute("pending", pending.orElse(null));
        model.addAttribute("ownRequest", pending.map(p -> p.requestedById() != null
                && p.requestedById() == CurrentUser.require().userId()).orElse(false));
        model.addAttribute("nextStatuses", c.status().next().stream().sorted().toList());
        model.addAttribute("today", registry.today(h));
        model.addAttribute("warningDays", registry.contractWarningDays());
        return "channels/detail";
    }

    private static String detailPath(String code) {
        return "/channels/" + UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Map<String, String> resolve(List<InputProblem> problems) {
        Map<String, String> m = new LinkedHashMap<>();
        for (InputProblem p : problems) {
            String text = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(),
                    LocaleContextHolder.getLocale());
            m.merge(p.field(), text, (a, b) -> a + "；" + b);
        }
        return m;
    }

    private static void reject(BindingResult binding, List<InputProblem> problems) {
        for (InputProblem p : problems) {
            binding.rejectValue(p.field(), p.messageKey(), p.args().toArray(), p.messageKey());
        }
    }

    private boolean has(Role role) {
        MeridianUser user = CurrentUser.find().orElse(null);
        if (user == null) {
            return false;
        }
        return roles.getReachableGrantedAuthorities(
                        SecurityContextHolder.getContext().getAuthentication().getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch(a -> a.equals(role.authority()));
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
