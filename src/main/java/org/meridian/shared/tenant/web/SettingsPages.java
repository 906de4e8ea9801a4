package org.meridian.shared.tenant.web;

import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.tenant.SmallSampleThreshold;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 医院设置 ({@code /admin/settings}, a tab of 系统管理): the hospital's own small-sample threshold, for its
 * administrators; blank uses the installation's.
 */
@Controller
@RequestMapping("/admin/settings")
@PreAuthorize("hasRole('ADMIN')")
class SettingsPages {

    private final SmallSampleThreshold smallSamples;
    private final ProblemTexts texts;

    SettingsPages(SmallSampleThreshold smallSamples, ProblemTexts texts) {
        this.smallSamples = smallSamples;
        this.texts = texts;
    }

    @GetMapping
    String show(Actor actor, @RequestParam(required = false) String saved, Model model) {
        SmallSampleThreshold.Setting s = smallSamples.setting(actor.hospitalId());
        return page(s, s.own() == null ? "" : String.valueOf(s.own()), Map.of(), saved != null, model);
    }

    @PostMapping
    String save(Actor actor, @RequestParam(defaultValue = "") String smallSample, Model model) {
        try {
            smallSamples.save(actor, smallSample);
            return "redirect:/admin/settings?saved";
        } catch (InvalidInputException e) {
            return page(smallSamples.setting(actor.hospitalId()), smallSample, texts.byField(e.problems()), false,
                    model);
        }
    }

    private static String page(SmallSampleThreshold.Setting setting, String typed, Map<String, String> errors,
                               boolean saved, Model model) {
        model.addAttribute("setting", setting);
        model.addAttribute("smallSample", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("activeNav", "admin");
        model.addAttribute("adminTab", "settings");
        return "admin/settings";
    }
}
