package org.meridian.unit.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.meridian.unit.Unit;
import org.meridian.unit.UnitQuery;
import org.meridian.unit.UnitRegistry;
import org.meridian.unit.UnitStatus;
import org.meridian.unit.UnitVisibility;
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
 * The unit registry's pages (科室与机构): the list (paged, filtered by kind, type, status and text; cards on a
 * phone), a unit's page, and the create and edit forms. Reading from ANALYST, changing from CHANNEL_MANAGER.
 */
@Controller
@RequestMapping("/units")
@PreAuthorize("hasRole('ANALYST')")
class UnitPages {

    static final int PAGE_SIZE = 25;

    private final UnitRegistry registry;
    private final ProblemTexts texts;

    UnitPages(UnitRegistry registry, ProblemTexts texts) {
        this.registry = registry;
        this.texts = texts;
    }

    @ModelAttribute
    void common(Actor actor, Model model) {
        model.addAttribute("activeNav", "units");
        model.addAttribute("canEdit", UnitVisibility.changesUnits(actor));
        model.addAttribute("kinds", List.of(UnitKind.DEPARTMENT, UnitKind.INSTITUTION));
        model.addAttribute("departmentTypes", UnitType.of(UnitKind.DEPARTMENT));
        model.addAttribute("institutionTypes", UnitType.of(UnitKind.INSTITUTION));
        model.addAttribute("statuses", UnitStatus.values());
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String kind, @RequestParam(required = false) String type,
                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        UnitFilter filter = new UnitFilter(kind, type, status, q, page);
        Paged<Unit> result;
        try {
            result = registry.search(actor, UnitQuery.parse(filter.kind(), filter.type(), filter.status(),
                    filter.q(), filter.page(), PAGE_SIZE));
        } catch (InvalidInputException e) {
            model.addAttribute("filterErrors", texts.byField(e.problems(), "；"));
            filter = new UnitFilter(null, null, null, filter.q(), 0);
            result = registry.search(actor, UnitQuery.parse(null, null, null, filter.q(), 0, PAGE_SIZE));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        return htmx != null ? "units/list :: results" : "units/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String createForm(@RequestParam(defaultValue = "DEPARTMENT") String kind, Model model) {
        UnitForm form = new UnitForm();
        form.setKind("INSTITUTION".equals(kind) ? "INSTITUTION" : "DEPARTMENT");
        form.setStatus(UnitStatus.ACTIVE.name());
        return form(model, form, true, null);
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String create(Actor actor, @ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        try {
            Unit u = registry.register(actor, form.draft());
            redirect.addFlashAttribute("notice", "unit.notice.created");
            return "redirect:" + detailPath(u.code());
        } catch (InvalidInputException e) {
            ProblemTexts.reject(binding, e.problems());
        } catch (ConflictException e) {
            binding.rejectValue("code", "unit.problem.codeTaken", new Object[] {form.getCode()}, null);
        }
        return form(model, form, true, null);
    }

    @GetMapping("/{code}/edit")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String editForm(Actor actor, @PathVariable String code, Model model) {
        Unit u = registry.get(actor, code);
        return form(model, UnitForm.of(u), false, u);
    }

    @PostMapping("/{code}/edit")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String edit(Actor actor, @PathVariable String code, @ModelAttribute("form") UnitForm form, BindingResult binding,
                Model model, RedirectAttributes redirect) {
        Unit u = registry.get(actor, code);
        form.setCode(u.code());
        form.setKind(u.kind().name());
        try {
            registry.update(actor, code, form.draft());
            redirect.addFlashAttribute("notice", "unit.notice.saved");
            return "redirect:" + detailPath(u.code());
        } catch (InvalidInputException e) {
            ProblemTexts.reject(binding, e.problems());
        }
        return form(model, form, false, u);
    }

    @GetMapping("/{code}")
    String detail(Actor actor, @PathVariable String code, Model model) {
        Unit u = registry.get(actor, code);
        model.addAttribute("unit", u);
        model.addAttribute("children", u.kind() == UnitKind.DEPARTMENT ? registry.children(actor, u) : List.of());
        return "units/detail";
    }

    private String form(Model model, UnitForm form, boolean creating, Unit unit) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("unit", unit);
        model.addAttribute("department", "DEPARTMENT".equals(form.getKind()));
        model.addAttribute("types", "DEPARTMENT".equals(form.getKind()) ? UnitType.of(UnitKind.DEPARTMENT)
                : UnitType.of(UnitKind.INSTITUTION));
        return "units/form";
    }

    @ModelAttribute("parents")
    List<org.meridian.unit.UnitRef> parents(Actor actor) {
        return registry.departments(actor);
    }

    static String detailPath(String code) {
        return "/units/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }

}
