package org.meridian.shared.security.web;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.meridian.shared.security.HospitalChooser;
import org.meridian.shared.security.HospitalChooser.Choice;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.web.Paged;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 切换医院 (the hospital chooser): a person granted further hospitals picks the one the pages act in; the choice stays
 * for the browser session and the top bar names it. Under {@code /account}, so the page itself always runs as the
 * person in their own hospital.
 */
@Controller
@RequestMapping("/account/hospital")
class HospitalChooserPages {

    static final int PAGE_SIZE = 20;

    private final HospitalChooser chooser;

    HospitalChooserPages(HospitalChooser chooser) {
        this.chooser = chooser;
    }

    @GetMapping
    String page(@AuthenticationPrincipal MeridianUser user, HttpSession session,
                @RequestParam(defaultValue = "0") int page, Model model) {
        List<Choice> choices = chooser.choices(user);
        int p = Math.max(0, Math.min(page, (choices.size() - 1) / PAGE_SIZE));
        int from = p * PAGE_SIZE;
        model.addAttribute("result", new Paged<>(choices.subList(from, Math.min(choices.size(), from + PAGE_SIZE)),
                p, PAGE_SIZE, choices.size()));
        Object chosen = session.getAttribute(HospitalChooser.SESSION_ATTRIBUTE);
        long current = chosen instanceof Long id && chooser.mayActIn(user, id) ? id : user.homeHospitalId();
        model.addAttribute("current", current);
        model.addAttribute("activeNav", "account");
        return "account/hospital";
    }

    @PostMapping
    String choose(@AuthenticationPrincipal MeridianUser user, @RequestParam(required = false) String hospital,
                  HttpSession session, RedirectAttributes redirect) {
        Hospital chosen = chooser.choose(user, hospital);
        if (chosen.id() == user.homeHospitalId()) {
            session.removeAttribute(HospitalChooser.SESSION_ATTRIBUTE);
        } else {
            session.setAttribute(HospitalChooser.SESSION_ATTRIBUTE, chosen.id());
        }
        return "redirect:/";
    }
}
