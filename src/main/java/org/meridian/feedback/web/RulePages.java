package org.meridian.feedback.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.meridian.feedback.FeedbackRuleBook;
import org.meridian.feedback.QuadrantRule;
import org.meridian.feedback.QuadrantRuleDraft;
import org.meridian.feedback.RuleDraft;
import org.meridian.feedback.SuggestionRule;
import org.meridian.indicator.CatalogueEntry;
import org.meridian.indicator.IndicatorCatalogue;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
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
 * The suggestion rules page (改进建议规则, CHANNEL_MANAGER and above): every rule of the hospital with its
 * indicator, threshold and texts, a form to add one, an edit form per rule, and enable/disable buttons; and the
 * rule of each quadrant of the performance–brand matrix, each in a form of its own. Problems are shown beside each
 * field with what was typed kept.
 */
@Controller
@RequestMapping("/feedback/rules")
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class RulePages {

    private final FeedbackRuleBook rules;
    private final IndicatorCatalogue indicators;
    private final MessageSource messages;
    private final ProblemTexts texts;

    RulePages(FeedbackRuleBook rules, IndicatorCatalogue indicators, MessageSource messages, ProblemTexts texts) {
        this.rules = rules;
        this.indicators = indicators;
        this.messages = messages;
        this.texts = texts;
    }

    /** What the rule form holds, as typed. */
    record RuleForm(String indicatorCode, String below, String textZh, String textEn) {

        RuleDraft draft() {
            return new RuleDraft(indicatorCode, below, textZh, textEn);
        }

        static RuleForm of(SuggestionRule r) {
            return new RuleForm(r.indicatorCode(), r.below().toPlainString(), r.textZh(), r.textEn());
        }
    }

    /** What a quadrant rule's form holds, as typed; an unticked box sends no {@code enabled}. */
    record QuadrantForm(String quadrant, String textZh, String textEn, Boolean enabled) {
    }

    @PostMapping("/quadrants")
    String changeQuadrant(Actor actor, QuadrantForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            QuadrantRule r = rules.changeQuadrantRule(actor, new QuadrantRuleDraft(form.quadrant(), form.textZh(),
                    form.textEn()), form.enabled() != null && form.enabled());
            redirect.addFlashAttribute("successKey", "feedback.quadrantRules.flash.changed");
            redirect.addFlashAttribute("successArg", messages.getMessage("evaluation.quadrant." + r.quadrant(), null,
                    locale));
            return "redirect:/feedback/rules";
        } catch (InvalidInputException e) {
            model.addAttribute("quadrantForm", form);
            model.addAttribute("quadrantErrors", texts.byField(e.problems()));
            return page(actor, new RuleForm("", "60", "", ""), Map.of(), model, locale);
        }
    }

    @GetMapping
    String list(Actor actor, Model model, Locale locale) {
        return page(actor, new RuleForm("", "60", "", ""), Map.of(), model, locale);
    }

    @PostMapping
    String create(Actor actor, RuleForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        try {
            SuggestionRule r = rules.create(actor, form.draft());
            redirect.addFlashAttribute("successKey", "feedback.rules.flash.created");
            redirect.addFlashAttribute("successArg", r.indicatorCode());
            return "redirect:/feedback/rules";
        } catch (InvalidInputException e) {
            return page(actor, form, texts.byField(e.problems()), model, locale);
        }
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable long id, Model model, Locale locale) {
        SuggestionRule r = rules.get(actor, id);
        return editPage(actor, r, RuleForm.of(r), Map.of(), model, locale);
    }

    @PostMapping("/{id}")
    String update(Actor actor, @PathVariable long id, RuleForm form, Model model,
                  Locale locale, RedirectAttributes redirect) {
        SuggestionRule r = rules.get(actor, id);
        try {
            rules.update(actor, id, form.draft());
            redirect.addFlashAttribute("successKey", "feedback.rules.flash.changed");
            redirect.addFlashAttribute("successArg", form.draft().indicatorCode());
            return "redirect:/feedback/rules";
        } catch (InvalidInputException e) {
            return editPage(actor, r, form, texts.byField(e.problems()), model, locale);
        }
    }

    @PostMapping("/{id}/enabled")
    String enable(Actor actor, @PathVariable long id, @RequestParam boolean value,
                  RedirectAttributes redirect) {
        SuggestionRule r = rules.setEnabled(actor, id, value);
        redirect.addFlashAttribute("successKey", value ? "feedback.rules.flash.enabled" : "feedback.rules.flash.disabled");
        redirect.addFlashAttribute("successArg", r.indicatorCode());
        return "redirect:/feedback/rules";
    }

    private String page(Actor actor, RuleForm form, Map<String, String> errors, Model model, Locale locale) {
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("rules", rules.all(actor));
        model.addAttribute("quadrantRules", rules.quadrantRules(actor));
        model.addAttribute("names", names(actor, locale));
        model.addAttribute("catalogue", indicators.catalogue(actor.hospitalId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "feedback/rules";
    }

    private String editPage(Actor actor, SuggestionRule rule, RuleForm form, Map<String, String> errors,
                            Model model, Locale locale) {
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("rule", rule);
        model.addAttribute("catalogue", indicators.catalogue(actor.hospitalId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "feedback/rule-edit";
    }

    private Map<String, String> names(Actor actor, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        boolean english = "en".equals(locale.getLanguage());
        for (CatalogueEntry e : indicators.catalogue(actor.hospitalId())) {
            m.put(e.code(), english ? e.definition().nameEn() : e.definition().nameZh());
        }
        return m;
    }

}
