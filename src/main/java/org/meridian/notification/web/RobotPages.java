package org.meridian.notification.web;

import java.util.List;
import java.util.Map;

import org.meridian.notification.DeliveryPreference;
import org.meridian.notification.WebhookFormat;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 群机器人 ({@code /admin/notifications/robots}, beside 消息外发): the administrator sets, per user, the WeCom or
 * DingTalk group robot their notifications go to when they choose it, and removes it. The robot's key is never shown
 * again: the list shows the robot's site only.
 */
@Controller
@RequestMapping("/admin/notifications/robots")
@PreAuthorize("hasRole('ADMIN')")
class RobotPages {

    private final DeliveryPreference preferences;
    private final ProblemTexts texts;

    RobotPages(DeliveryPreference preferences, ProblemTexts texts) {
        this.preferences = preferences;
        this.texts = texts;
    }

    /** The form as typed. */
    record RobotForm(String username, String format, String url, String secret) {

        static final RobotForm BLANK = new RobotForm("", "", "", "");
    }

    @GetMapping
    String list(Actor actor, Model model) {
        return page(actor, RobotForm.BLANK, Map.of(), model);
    }

    @PostMapping
    String set(Actor actor, @RequestParam(defaultValue = "") String username,
               @RequestParam(defaultValue = "") String format, @RequestParam(defaultValue = "") String url,
               @RequestParam(defaultValue = "") String secret, Model model) {
        WebhookFormat chosen = List.of(WebhookFormat.values()).stream().filter(f -> f.name().equals(format))
                .findFirst().orElse(null);
        try {
            preferences.setRobot(actor, username, chosen, url, secret);
            return "redirect:/admin/notifications/robots?saved";
        } catch (InvalidInputException e) {
            // the secret is not shown again, even on a form with problems
            return page(actor, new RobotForm(username, format, url, ""), texts.byField(e.problems(), "；"), model);
        }
    }

    @PostMapping("/remove")
    String remove(Actor actor, @RequestParam String username) {
        preferences.removeRobot(actor, username);
        return "redirect:/admin/notifications/robots?removed";
    }

    private String page(Actor actor, RobotForm form, Map<String, String> errors, Model model) {
        model.addAttribute("robots", preferences.robots(actor));
        model.addAttribute("form", form);
        model.addAttribute("formats", List.of(WebhookFormat.values()));
        model.addAttribute("errors", errors);
        model.addAttribute("activeNav", "admin");
        model.addAttribute("adminTab", "robots");
        return "notifications/robots";
    }
}
