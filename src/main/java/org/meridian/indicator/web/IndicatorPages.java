package org.meridian.indicator.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.indicator.CatalogueEntry;
import org.meridian.indicator.IndicatorConflictException;
import org.meridian.indicator.IndicatorCatalogue;
import org.meridian.indicator.Measure;
import org.meridian.indicator.NewIndicator;
import org.meridian.indicator.SchemeWhatIf;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.WeightingInputs;
import org.meridian.indicator.WeightingResult;
import org.meridian.indicator.WhatIfComparison;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.FormulaException;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The indicator pages: the catalogue with the schemes of every unit type and the form for a hospital's own
 * indicator (its formula checked as one types, via htmx), and the scheme editor of a unit type (weights, each
 * indicator's share of the total weight, rules, tier thresholds; checked on every change, via htmx) with its
 * what-if: a past period re-scored under the edited, unsaved scheme next to the scheme in force. Reading needs
 * ANALYST, changing and the what-if CHANNEL_MANAGER.
 */
@Controller
@RequestMapping("/indicators")
@PreAuthorize("hasRole('ANALYST')")
class IndicatorPages {

    private final IndicatorCatalogue indicators;
    private final SchemeCatalogue schemes;
    private final MessageSource messages;
    private final ProblemTexts texts;
    private final RoleHierarchy roles;
    private final ObjectProvider<SchemeWhatIf> whatIf;
    private final org.meridian.indicator.MeasureCatalogue measures;

    IndicatorPages(IndicatorCatalogue indicators, SchemeCatalogue schemes, MessageSource messages,
                   ProblemTexts texts, RoleHierarchy roles,
                   ObjectProvider<SchemeWhatIf> whatIf, org.meridian.indicator.MeasureCatalogue measures) {
        this.whatIf = whatIf;
        this.measures = measures;
        this.indicators = indicators;
        this.schemes = schemes;
        this.messages = messages;
        this.texts = texts;
        this.roles = roles;
    }

    @GetMapping
    String catalogue(@RequestParam(required = false) String created, Model model) {
        model.addAttribute("created", created);
        return catalogue(model, new NewIndicator(null, null, null, null, null, "HIGHER_IS_BETTER", null, null, null, "CHANNEL"),
                Map.of());
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String create(@ModelAttribute NewIndicator form, Model model) {
        try {
            CatalogueEntry e = indicators.create(CurrentUser.actor(), form);
            return "redirect:/indicators?created=" + e.code();
        } catch (InvalidInputException e) {
            return catalogue(model, form, texts.byField(e.problems()));
        } catch (IndicatorConflictException e) {
            return catalogue(model, form, Map.of("code", message("indicator.error.codeTaken", form.code().strip())));
        }
    }

    /** The formula field's live check: its problem, or the measures it reads. */
    @GetMapping("/formula-check")
    String formulaCheck(@RequestParam(defaultValue = "") String formula, Model model) {
        try {
            Formula f = Formula.parse(formula, measures.statisticCodes(CurrentUser.hospitalId()));
            model.addAttribute("formulaOk", message("indicator.formula.ok", String.join(", ", f.keys())));
        } catch (FormulaException e) {
            model.addAttribute("formulaError", message("indicator.formula.error." + e.kind(), e.position(), e.token()));
        }
        return "indicators/catalogue :: formulaCheck";
    }

    @GetMapping("/schemes/{unitType}")
    String scheme(@PathVariable String unitType, @RequestParam(required = false) Integer saved, Model model) {
        UnitType type = unitType(unitType);
        long hospital = CurrentUser.hospitalId();
        Optional<SchemeSnapshot> current = schemes.current(hospital, type);
        model.addAttribute("savedVersion", saved);
        SchemeForm form = SchemeForm.of(indicators.catalogue(hospital), current.orElse(null));
        SchemeWhatIf w = whatIf.getIfAvailable();
        if (w != null && canEdit()) {
            model.addAttribute("whatIfPeriods", w.periods(hospital));
            w.preferred(hospital, type).ifPresent(p -> form.setWhatIfPeriod(p.toString()));
        }
        return scheme(model, type, current.orElse(null), form, Map.of(), false);
    }

    /**
     * Saves the scheme; with {@code HX-Request} (a change in the form) only checks it and answers the shares and
     * problems as out-of-band pieces (no input, so nothing typed meanwhile is overwritten), saving nothing.
     */
    @PostMapping("/schemes/{unitType}")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String saveScheme(@PathVariable String unitType, @ModelAttribute("form") SchemeForm form,
                      HttpServletRequest request, Model model) {
        UnitType type = unitType(unitType);
        MeridianUser user = CurrentUser.require();
        boolean htmx = request.getHeader("HX-Request") != null;
        SchemeForm.Conversion c = form.convert();
        c.addDraftProblems(schemes.problems(user.hospitalId(), c.draft()));
        SchemeSnapshot current = schemes.current(user.hospitalId(), type).orElse(null);
        form.padTiers();
        if (htmx || !c.problems().isEmpty()) {
            SchemeWhatIf w = whatIf.getIfAvailable();
            if (w != null) {
                model.addAttribute("whatIfPeriods", w.periods(user.hospitalId()));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            c.problems().forEach((field, p) -> errors.put(field, texts.text(p)));
            String view = scheme(model, type, current, form, errors, !htmx);
            // a change: only shares and problems go back (out of band), never the inputs being typed in
            return htmx ? "indicators/scheme :: checked" : view;
        }
        if (form.isWeighted()) {
            return saveWeighted(user, type, form, c, current, model);
        }
        try {
            SchemeSnapshot saved = schemes.save(user.actor(), type, c.draft());
            return "redirect:/indicators/schemes/" + type + "?saved=" + saved.version();
        } catch (InvalidInputException | IndicatorConflictException e) {
            // checked a moment ago; a concurrent change of the catalogue or the scheme: show the form again
            return scheme(model, type, current, form, Map.of("indicators", e.getMessage()), true);
        }
    }

    /**
     * Saves a draft whose weights came from the weighting assistant together with the assistant's inputs; a problem of
     * the weighting (the indicators changed since, a matrix that is not reciprocal…) is shown above the form and
     * nothing is saved.
     */
    private String saveWeighted(MeridianUser user, UnitType type, SchemeForm form, SchemeForm.Conversion c,
                                SchemeSnapshot current, Model model) {
        WeightingInputs.Parsed parsed = form.weighting();
        List<Problem> problems = new java.util.ArrayList<>(parsed.problems());
        if (parsed.inputs() != null) {
            try {
                SchemeSnapshot saved = schemes.save(user.actor(), type, c.draft(), parsed.inputs());
                return "redirect:/indicators/schemes/" + type + "?saved=" + saved.version();
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (IndicatorConflictException e) {
                return scheme(model, type, current, form, Map.of("indicators", e.getMessage()), true);
            }
        }
        SchemeWhatIf w = whatIf.getIfAvailable();
        if (w != null) {
            model.addAttribute("whatIfPeriods", w.periods(user.hospitalId()));
        }
        return scheme(model, type, current, form, texts.byField(problems), true);
    }

    /**
     * The weighting assistant's "use in the draft": the scheme in force with the weights the posted inputs give (the
     * weighed indicators included, nothing else changed), shown in the editor with its what-if, not saved. Inputs
     * that cannot be read or weighed (a ragged or non-reciprocal matrix, an inconsistent one, an unknown indicator)
     * answer 400 with every problem named.
     */
    @PostMapping("/schemes/{unitType}/draft")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String weighted(@PathVariable String unitType, @ModelAttribute("posted") SchemeForm posted, Model model) {
        UnitType type = unitType(unitType);
        MeridianUser user = CurrentUser.require();
        WeightingInputs.Parsed parsed = posted.weighting();
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException("indicator", parsed.problems());
        }
        WeightingResult result = schemes.weigh(user.actor(), type, parsed.inputs());
        SchemeSnapshot current = schemes.current(user.hospitalId(), type).orElse(null);
        SchemeForm form = SchemeForm.of(indicators.catalogue(user.hospitalId()), current);
        form.weigh(parsed.inputs(), result.points());
        SchemeWhatIf w = whatIf.getIfAvailable();
        if (w != null) {
            model.addAttribute("whatIfPeriods", w.periods(user.hospitalId()));
            w.preferred(user.hospitalId(), type).ifPresent(p -> form.setWhatIfPeriod(p.toString()));
        }
        return scheme(model, type, current, form, Map.of(), false);
    }

    /**
     * The what-if: checks the posted form exactly as saving would (problems beside their fields), and when it is
     * valid re-scores the chosen past period under it and under the scheme in force, side by side. Saves nothing;
     * answers the form (with htmx, only its fragment) with the edits as they were.
     */
    @PostMapping("/schemes/{unitType}/what-if")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String whatIf(@PathVariable String unitType, @ModelAttribute("form") SchemeForm form,
                  HttpServletRequest request, Model model) {
        UnitType type = unitType(unitType);
        MeridianUser user = CurrentUser.require();
        boolean htmx = request.getHeader("HX-Request") != null;
        SchemeWhatIf w = whatIf.getObject();
        SchemeForm.Conversion c = form.convert();
        c.addDraftProblems(schemes.problems(user.hospitalId(), c.draft()));
        Optional<Period> period = Optional.ofNullable(form.getWhatIfPeriod()).map(String::strip).flatMap(Period::parse);
        if (period.isEmpty()) {
            c.problems().putIfAbsent("whatIfPeriod", Problem.of("whatIfPeriod", "indicator.whatIf.period",
                    form.getWhatIfPeriod() == null ? "" : form.getWhatIfPeriod()));
        }
        SchemeSnapshot current = schemes.current(user.hospitalId(), type).orElse(null);
        form.padTiers();
        model.addAttribute("whatIfPeriods", w.periods(user.hospitalId()));
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.problems().isEmpty()) {
            try {
                SchemeSnapshot draft = schemes.preview(user.actor(), type, c.draft());
                WhatIfComparison comparison = w.compare(user.hospitalId(), draft, period.orElseThrow());
                model.addAttribute("whatIf", comparison);
                model.addAttribute("draftVersion", draft.version());
            } catch (InvalidInputException e) {
                // checked a moment ago; the catalogue changed meanwhile
                errors.put("indicators", e.getMessage());
            }
        }
        c.problems().forEach((field, p) -> errors.put(field, texts.text(p)));
        model.addAttribute("invalidOnWhatIf", !errors.isEmpty());
        String view = scheme(model, type, current, form, errors, false);
        return htmx ? "indicators/scheme :: form" : view;
    }

    private String catalogue(Model model, NewIndicator form, Map<String, String> errors) {
        long hospital = CurrentUser.hospitalId();
        Map<UnitType, SchemeSnapshot> all = schemes.currentAll(hospital);
        Map<UnitType, SchemeSnapshot> byType = new LinkedHashMap<>();
        for (UnitType t : UnitType.values()) {
            byType.put(t, all.get(t));
        }
        model.addAttribute("entries", indicators.catalogue(hospital));
        model.addAttribute("schemes", byType);
        model.addAttribute("newIndicator", form);
        model.addAttribute("errors", errors);
        model.addAttribute("directions", Direction.values());
        model.addAttribute("dimensions", org.meridian.indicator.scoring.Dimension.values());
        List<String> names = new java.util.ArrayList<>(java.util.Arrays.stream(Measure.values()).map(Measure::key).toList());
        names.add(org.meridian.indicator.MeasureTotals.DAYS);
        names.addAll(measures.statistics(hospital).keySet());
        model.addAttribute("measures", names);
        model.addAttribute("canEdit", canEdit());
        model.addAttribute("activeNav", "indicators");
        return "indicators/catalogue";
    }

    private String scheme(Model model, UnitType type, SchemeSnapshot current, SchemeForm form,
                          Map<String, String> errors, boolean invalidOnSave) {
        List<CatalogueEntry> entries = indicators.catalogue(CurrentUser.hospitalId());
        model.addAttribute("unitType", type);
        model.addAttribute("unitTypes", UnitType.values());
        model.addAttribute("current", current);
        Map<String, CatalogueEntry> byCode = new LinkedHashMap<>();
        entries.forEach(e -> byCode.put(e.code(), e));
        model.addAttribute("entryByCode", byCode);
        model.addAttribute("form", form);
        model.addAttribute("shares", form.shares());
        model.addAttribute("errors", errors);
        model.addAttribute("invalidOnSave", invalidOnSave && !errors.isEmpty());
        model.addAttribute("canEdit", canEdit());
        model.addAttribute("activeNav", "indicators");
        if (current != null) {
            model.addAttribute("provenance", WeightingWords.of(current,
                    schemes.weighting(CurrentUser.hospitalId(), type, current.version()).orElse(null), byCode,
                    LocaleContextHolder.getLocale(), this::message));
        }
        if (form.isWeighted()) {
            model.addAttribute("weightedMethod", message("indicator.weighting.method." + form.getWeightingMethod()));
        }
        return "indicators/scheme";
    }

    private boolean canEdit() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && roles.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).anyMatch(Role.CHANNEL_MANAGER.authority()::equals);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static UnitType unitType(String value) {
        try {
            return UnitType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown unit type " + value);
        }
    }
}
