package org.meridian.region.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.meridian.exam.Alliance;
import org.meridian.exam.AllianceRegistry;
import org.meridian.exam.NamedInstitution;
import org.meridian.region.AllianceFigures;
import org.meridian.region.AllianceReporting;
import org.meridian.region.RegionPeriods;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alliances (医联体) and an alliance's report of a period, with its XLSX: for the region's regulator and
 * administrator, and for the staff of the alliance's hospitals (an alliance the caller may not read is not found).
 * The region administrator also creates an alliance here: code, name, lead and members chosen from the region's
 * institutions grouped by hospital (a filter narrows the list in the browser), every problem beside its field with
 * everything typed and chosen kept.
 */
@Controller
@RequestMapping("/region/alliances")
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN', 'ANALYST')")
class AlliancePages {

    private final AllianceReporting reporting;
    private final AllianceRegistry registry;
    private final RegionPeriods periods;
    private final MessageSource messages;
    private final ProblemTexts texts;

    AlliancePages(AllianceReporting reporting, AllianceRegistry registry, RegionPeriods periods,
                  MessageSource messages, ProblemTexts texts) {
        this.reporting = reporting;
        this.registry = registry;
        this.periods = periods;
        this.messages = messages;
        this.texts = texts;
    }

    /** The new alliance's form as typed: code, name, the lead's and the members' references. */
    record AllianceForm(String code, String name, String lead, List<String> members) {

        AllianceForm {
            code = code == null ? "" : code;
            name = name == null ? "" : name;
            lead = lead == null ? "" : lead;
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** A hospital of the region and the institutions it offers an alliance: itself first, then its units. */
    record HospitalGroup(String name, List<NamedInstitution> institutions) {
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('REGION_ADMIN')")
    String newAlliance(Actor actor, Model model) {
        return form(actor, new AllianceForm("", "", "", List.of()), Map.of(), model);
    }

    @PostMapping
    @PreAuthorize("hasRole('REGION_ADMIN')")
    String create(Actor actor, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String lead,
                  @RequestParam(required = false) List<String> members, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        AllianceForm form = new AllianceForm(code, name, lead, members);
        List<Problem> problems;
        try {
            Alliance created = registry.create(actor, form.code(), form.name(), form.lead(), form.members());
            redirect.addFlashAttribute("created", created.name());
            return "redirect:/region/alliances";
        } catch (InvalidInputException e) {
            problems = e.problems();
        } catch (ConflictException e) {
            problems = List.of(Problem.of("code", e.messageKey(), e.args().toArray()));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        // members[3] is said beside the list of members
        return form(actor, form, texts.byField(problems, " ", f -> f.startsWith("members[") ? "members" : f), model);
    }

    private String form(Actor actor, AllianceForm form, Map<String, String> errors, Model model) {
        common(actor, model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", groups(registry.choosable(actor)));
        return "region/alliance-new";
    }

    /** The region's institutions by hospital, in the order given (each hospital first, then its units). */
    static List<HospitalGroup> groups(List<NamedInstitution> institutions) {
        Map<String, List<NamedInstitution>> byHospital = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (NamedInstitution i : institutions) {
            byHospital.computeIfAbsent(i.hospital(), h -> new ArrayList<>()).add(i);
            if (i.code().equals(i.hospital())) {
                names.put(i.hospital(), i.name());
            }
        }
        List<HospitalGroup> groups = new ArrayList<>();
        byHospital.forEach((h, list) -> groups.add(new HospitalGroup(names.getOrDefault(h, h), list)));
        return groups;
    }

    @GetMapping
    String alliances(Actor actor, @RequestParam(required = false) String period, Model model) {
        common(actor, model);
        Period p = periods.of(actor, period, model);
        model.addAttribute("period", p.toString());
        model.addAttribute("alliances", reporting.visible(actor));
        model.addAttribute("administers", actor.has(Role.REGION_ADMIN));
        // a region administrator who is no regulator came from the tabs of region administration
        model.addAttribute("administrationTabs",
                actor.has(Role.REGION_ADMIN) && !actor.roles().contains(Role.REGULATOR));
        return "region/alliances";
    }

    @GetMapping("/{code}")
    String alliance(Actor actor, @PathVariable String code, @RequestParam(required = false) String period,
                    Model model, Locale locale) {
        common(actor, model);
        Period p = periods.of(actor, period, model);
        AllianceFigures report = reporting.report(actor, code, p);
        model.addAttribute("period", p.toString());
        model.addAttribute("report", report);
        model.addAttribute("ratePercent", DrillDownPages.percent(report.repeats()));
        Map<String, String> memberRates = new HashMap<>();
        report.members().forEach(m -> memberRates.put(m.institution().reference(),
                DrillDownPages.percent(m.repeats())));
        model.addAttribute("memberRates", memberRates);
        model.addAttribute("minRecords", reporting.minRecords());
        model.addAttribute("primaryCareGap", report.primaryCare().share() == null
                ? primaryCareGap(report, reporting.minRecords(), (key, args) -> messages.getMessage(key, args, locale))
                : null);
        return "region/alliance";
    }

    @GetMapping("/{code}/report.xlsx")
    void export(Actor actor, @PathVariable String code, @RequestParam(required = false) String period,
                HttpServletResponse response, Locale locale) throws IOException {
        Period p = periods.orReportingYear(actor, period);
        AllianceFigures report = reporting.report(actor, code, p);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"alliance-"
                + report.alliance().code() + "-" + p + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            RegionWorkbook.alliance(out, report, reporting.minRecords(),
                    (key, args) -> messages.getMessage(key, args, locale));
        }
    }

    /**
     * Why the alliance's primary-care visit share is not given, in words: which members reported no visits in the
     * period, or that a member's visits are hidden, or that the members' visits add up to 0.
     */
    static String primaryCareGap(AllianceFigures report, int minRecords,
                                 java.util.function.BiFunction<String, Object[], String> text) {
        AllianceFigures.PrimaryCare pc = report.primaryCare();
        if (!pc.unreported().isEmpty()) {
            String names = report.members().stream()
                    .filter(m -> pc.unreported().contains(m.institution().reference()))
                    .map(m -> m.institution().name()).collect(java.util.stream.Collectors.joining("、"));
            return text.apply("region.alliance.visitsUnreported", new Object[] {names});
        }
        if (pc.hidden()) {
            return text.apply("region.alliance.visitsHidden", new Object[] {minRecords});
        }
        return text.apply("region.alliance.visitsZero", new Object[0]);
    }

    private static void common(Actor actor, Model model) {
        boolean region = actor.has(Role.REGULATOR) || actor.has(Role.REGION_ADMIN);
        model.addAttribute("activeNav", actor.has(Role.REGULATOR) ? "home"
                : actor.has(Role.REGION_ADMIN) ? RegionNavigation.NAV_ID : "exams");
        model.addAttribute("regulatorTab", "alliances");
        model.addAttribute("regionTab", "alliances");
        model.addAttribute("regulator", actor.roles().contains(Role.REGULATOR));
        model.addAttribute("regionReader", region);
    }
}
