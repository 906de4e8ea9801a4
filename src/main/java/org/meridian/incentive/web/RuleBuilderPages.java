package org.meridian.incentive.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.channel.Tier;
import org.meridian.channel.TierCatalogue;
import org.meridian.evaluation.MeasureTotals;
import org.meridian.incentive.Explanations;
import org.meridian.incentive.RuleBook;
import org.meridian.incentive.RuleCheck;
import org.meridian.incentive.StoredRule;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.HospitalCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule builder (规则编辑): a page for a new incentive rule or the next version of one — every rule type with its
 * tiers, score bands, cap and validity — saved through {@link RuleBook#createRule}, as the API saves it. While the
 * rule is edited, htmx asks {@code /incentives/rules/check} for the compliance guard's verdict and what still stands
 * in the way of saving ({@link RuleBook#check}), without saving anything.
 */
@Controller
@RequestMapping("/incentives/rules")
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class RuleBuilderPages {

    static final List<String> TYPES = List.of("FEE", "AWARD", "PRIORITY", "SANCTION");

    private final RuleBook rules;
    private final TierCatalogue tiers;
    private final Explanations texts;
    private final HospitalCalendar calendar;

    RuleBuilderPages(RuleBook rules, TierCatalogue tiers, Explanations texts, HospitalCalendar calendar) {
        this.rules = rules;
        this.tiers = tiers;
        this.texts = texts;
        this.calendar = calendar;
    }

    /** A new rule, or with {@code from} the next version of that rule (its content, a start day still to choose). */
    @GetMapping("/new")
    String form(@RequestParam(required = false) Long from, Actor actor, Model model, Locale locale) {
        RuleForm form;
        StoredRule previous = null;
        if (from != null) {
            previous = rules.rule(actor, from);
            form = RuleForm.nextVersionOf(previous, calendar.today(actor.hospitalId()).plusDays(1));
        } else {
            form = RuleForm.fresh(calendar.today(actor.hospitalId()).withDayOfMonth(1));
        }
        model.addAttribute("previous", previous);
        List<Problem> problems = new ArrayList<>();
        RuleCheck check = check(actor, form, problems);
        return page(actor, model, form, Map.of(), check, count(problems, check));
    }

    /** Saves the rule as the API does; on a problem the page again, every problem beside its field. */
    @PostMapping
    String save(@RequestParam Map<String, String> params, Actor actor, Model model, Locale locale,
                RedirectAttributes redirect) {
        RuleForm form = new RuleForm(params);
        List<Problem> problems = new ArrayList<>();
        RuleDefinition definition = form.definition(tierCodes(actor), problems);
        if (problems.isEmpty()) {
            try {
                StoredRule saved = rules.createRule(actor, definition);
                redirect.addFlashAttribute("successKey", "incentive.flash.ruleSaved");
                redirect.addFlashAttribute("successArg",
                        texts.message("incentive.rule.versioned", locale, saved.code(), saved.version()));
                return "redirect:/incentives#rule-" + saved.id();
            } catch (InvalidIncentiveException e) {
                problems.addAll(e.problems());
            }
        } else {
            problems.addAll(rules.check(actor, definition).problems());
        }
        Map<String, String> errors = errors(form, problems, locale);
        return page(actor, model, form, errors, rules.check(actor, definition), errors.size());
    }

    /** The compliance guard's verdict on the rule as typed, and how many problems remain (htmx fragment). */
    @PostMapping("/check")
    String verdict(@RequestParam Map<String, String> params, Actor actor, Model model) {
        RuleForm form = new RuleForm(params);
        List<Problem> problems = new ArrayList<>();
        RuleCheck check = check(actor, form, problems);
        model.addAttribute("check", check);
        model.addAttribute("problemCount", count(problems, check));
        return "incentives/rule-form :: verdict";
    }

    private RuleCheck check(Actor actor, RuleForm form, List<Problem> problems) {
        return rules.check(actor, form.definition(tierCodes(actor), problems));
    }

    /** The fields with a problem: a text that is no number and the rule's own problem of it count once. */
    private static int count(List<Problem> formProblems, RuleCheck check) {
        return (int) java.util.stream.Stream.concat(formProblems.stream(), check.problems().stream())
                .map(Problem::path).distinct().count();
    }

    private String page(Actor actor, Model model, RuleForm form, Map<String, String> errors, RuleCheck check,
                        int problemCount) {
        model.addAttribute("activeNav", "incentives");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("check", check);
        model.addAttribute("problemCount", problemCount);
        model.addAttribute("types", TYPES);
        model.addAttribute("unitTypes", UnitType.channelTypes());
        model.addAttribute("tiers", tiers.tiers(actor));
        model.addAttribute("measures", MeasureTotals.keys());
        model.addAttribute("bands", java.util.stream.IntStream.range(0, RuleForm.BANDS).boxed().toList());
        if (!model.containsAttribute("previous")) {
            model.addAttribute("previous", null);
        }
        return "incentives/rule-form";
    }

    private List<String> tierCodes(Actor actor) {
        return tiers.tiers(actor).stream().map(Tier::code).toList();
    }

    private Map<String, String> errors(RuleForm form, List<Problem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem p : problems) {
            // the API's "awardPeriod is required; one of [QUARTER, YEAR]" names codes: beside a choice on the page it
            // is "please choose", the choices being there in words
            boolean choice = p.messageKey().equals("incentive.v.requiredOneOf")
                    || p.messageKey().equals("incentive.v.unknownValue");
            errors.putIfAbsent(form.pathOnPage(p.path()),
                    choice ? texts.message("incentive.builder.choose", locale) : texts.problem(p, locale));
        }
        return errors;
    }
}
