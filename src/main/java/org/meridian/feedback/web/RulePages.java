package org.meridian.feedback.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.feedback.FeedbackRules;
import org.meridian.feedback.RuleDraft;
import org.meridian.feedback.SuggestionRule;
import org.meridian.feedback.SuggestionRuleNotFoundException;
import org.meridian.indicator.CatalogueEntry;
import org.meridian.indicator.Indicators;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The suggestion rules page (改进建议规则, CHANNEL_MANAGER and above): every rule of the hospital with its
 * indicator, threshold and texts, a form to add one, an edit form per rule, and enable/disable buttons. Problems
 * are shown beside each field with what was typed kept.
 */
@Controller
@RequestMapping("/feedback/rules")
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class RulePages {

    private final FeedbackRules rules;
    private final Indicators indicators;
    private final MessageSource messages;

    RulePages(FeedbackRules rules, Indicators indicators, MessageSource messages) {
        this.rules = rules;
        this.indicators = indicators;
        this.messages = messages;
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

    @GetMapping
    String list(@AuthenticationPrincipal MeridianUser user, Model model, Locale locale) {
        return page(user, new RuleForm("", "60", "", ""), Map.of(), model, locale);
    }

    @PostMapping
    String create(@AuthenticationPrincipal MeridianUser user, RuleForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        try {
            SuggestionRule r = rules.create(user, form.draft());
            redirect.addFlashAttribute("successKey", "feedback.rules.flash.created");
            redirect.addFlashAttribute("successArg", r.indicatorCode());
            return "redirect:/feedback/rules";
        } catch (InvalidInputException e) {
            return page(user, form, messagesOf(e.problems(), locale), model, locale);
        }
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, Model model, Locale locale) {
        SuggestionRule r = rules.get(user.hospitalId(), id);
        return editPage(user, r, RuleForm.of(r), Map.of(), model, locale);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, RuleForm form, Model model,
                  Locale locale, RedirectAttributes redirect) {
        SuggestionRule r = rules.get(user.hospitalId(), id);
        try {
            rules.update(user, id, form.draft());
            redirect.addFlashAttribute("successKey", "feedback.rules.flash.changed");
            redirect.addFlashAttribute("successArg", form.draft().indicatorCode());
            return "redirect:/feedback/rules";
        } catch (InvalidInputException e) {
            return editPage(user, r, form, messagesOf(e.problems(), locale), model, locale);
        }
    }

    @PostMapping("/{id}/enabled")
    String enable(@AuthenticationPrincipal MeridianUser user, @PathVariable long id, @RequestParam boolean value,
                  RedirectAttributes redirect) {
        SuggestionRule r = rules.setEnabled(user, id, value);
        redirect.addFlashAttribute("successKey", value ? "feedback.rules.flash.enabled" : "feedback.rules.flash.disabled");
        redirect.addFlashAttribute("successArg", r.indicatorCode());
        return "redirect:/feedback/rules";
    }

    @ExceptionHandler(SuggestionRuleNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("activeNav", "feedback");
        return "feedback/not-found";
    }

    private String page(MeridianUser user, RuleForm form, Map<String, String> errors, Model model, Locale locale) {
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("rules", rules.all(user.hospitalId()));
        model.addAttribute("names", names(user, locale));
        model.addAttribute("catalogue", indicators.catalogue(user.hospitalId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "feedback/rules";
    }

    private String editPage(MeridianUser user, SuggestionRule rule, RuleForm form, Map<String, String> errors,
                            Model model, Locale locale) {
        model.addAttribute("activeNav", "feedback");
        model.addAttribute("rule", rule);
        model.addAttribute("catalogue", indicators.catalogue(user.hospitalId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "feedback/rule-edit";
    }

    private Map<String, String> names(MeridianUser user, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        boolean english = "en".equals(locale.getLanguage());
        for (CatalogueEntry e : indicators.catalogue(user.hospitalId())) {
            m.put(e.code(), english ? e.definition().nameEn() : e.definition().nameZh());
        }
        return m;
    }

    private Map<String, String> messagesOf(List<InputProblem> problems, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (InputProblem p : problems) {
            m.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale));
        }
        return m;
    }
}
