package org.meridian.notification.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.meridian.notification.DeliveryPreference;
import org.meridian.notification.DeliveryPreference.Choices;
import org.meridian.notification.DeliveryPreference.Pick;
import org.meridian.notification.DeliveryWay;
import org.meridian.notification.NotificationKind;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 提醒方式 ({@code /notifications/preferences}, linked from My account and the notification list): which kinds of
 * notification also reach the caller by e-mail and by the group robot, and the e-mail address. A checkbox is
 * {@code pick=<KIND>:<WAY>}.
 */
@Controller
@RequestMapping("/notifications/preferences")
class PreferencePages {

    private final DeliveryPreference preferences;
    private final ProblemTexts texts;

    PreferencePages(DeliveryPreference preferences, ProblemTexts texts) {
        this.preferences = preferences;
        this.texts = texts;
    }

    @GetMapping
    String show(Actor actor, @RequestParam(required = false) String saved, Model model) {
        Choices choices = preferences.of(actor);
        return page(choices, choices.email(), choices.picks(), Map.of(), saved != null, model);
    }

    @PostMapping
    String save(Actor actor, @RequestParam(defaultValue = "") String email,
                @RequestParam(name = "pick", required = false) List<String> pick, Model model) {
        Set<Pick> picks = parse(pick);
        try {
            preferences.save(actor, email, picks);
            return "redirect:/notifications/preferences?saved";
        } catch (InvalidInputException e) {
            return page(preferences.of(actor), email, picks, texts.byField(e.problems(), "；"), false, model);
        }
    }

    private String page(Choices choices, String email, Set<Pick> picks, Map<String, String> errors,
                        boolean saved, Model model) {
        model.addAttribute("choices", choices);
        model.addAttribute("email", email == null ? "" : email);
        model.addAttribute("picked", picks.stream().map(p -> p.kind().name() + ":" + p.way().name()).toList());
        model.addAttribute("ways", List.of(DeliveryWay.values()));
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "notifications/preferences";
    }

    /** {@code KIND:WAY} values; anything else is not a choice of this form and is left out. */
    private static Set<Pick> parse(List<String> values) {
        Set<Pick> picks = new LinkedHashSet<>();
        if (values == null) {
            return picks;
        }
        Set<String> kinds = names(NotificationKind.values());
        Set<String> ways = names(DeliveryWay.values());
        for (String v : values) {
            String[] parts = v.split(":", 2);
            if (parts.length == 2 && kinds.contains(parts[0]) && ways.contains(parts[1])) {
                picks.add(new Pick(NotificationKind.valueOf(parts[0]), DeliveryWay.valueOf(parts[1])));
            }
        }
        return picks;
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new LinkedHashSet<>();
        for (Enum<?> e : values) {
            names.add(e.name());
        }
        return names;
    }
}
