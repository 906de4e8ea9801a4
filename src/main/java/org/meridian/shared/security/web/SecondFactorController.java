package org.meridian.shared.security.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.meridian.shared.security.AccountRejected;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.SecondFactorGate;
import org.meridian.shared.security.TwoStepSignIn;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 两步验证 on My account: enrol an authenticator app (QR code, the secret in groups of four, a first code to confirm),
 * see the ten recovery codes once, and disable it again when the role does not require it.
 */
@Controller
@RequestMapping("/account/second-factor")
class SecondFactorController {

    static final String PAGE = "account/second-factor";

    private final TwoStepSignIn twoStep;
    private final ProblemTexts texts;

    SecondFactorController(TwoStepSignIn twoStep, ProblemTexts texts) {
        this.twoStep = twoStep;
        this.texts = texts;
    }

    @GetMapping
    String page(@AuthenticationPrincipal MeridianUser user, Model model) {
        return show(user, model);
    }

    @PostMapping("/restart")
    String restart(@AuthenticationPrincipal MeridianUser user) {
        twoStep.restart(user);
        return "redirect:/account/second-factor";
    }

    @PostMapping("/confirm")
    String confirm(@AuthenticationPrincipal MeridianUser user, @RequestParam(defaultValue = "") String code,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            List<String> codes = twoStep.confirm(user, code);
            model.addAttribute("continueTo", SecondFactorGate.passed(request, response));
            model.addAttribute("recoveryCodes", codes);
        } catch (AccountRejected rejected) {
            model.addAttribute("errors", texts.byField(rejected.problems()));
        }
        return show(user, model);
    }

    @PostMapping("/disable")
    String disable(@AuthenticationPrincipal MeridianUser user, @RequestParam(defaultValue = "") String code,
                   HttpServletRequest request, Model model) {
        try {
            twoStep.disable(user, code, request.getRemoteAddr());
            return "redirect:/account?secondFactorDisabled";
        } catch (AccountRejected rejected) {
            model.addAttribute("errors", texts.byField(rejected.problems()));
            return show(user, model);
        }
    }

    private String show(MeridianUser user, Model model) {
        TwoStepSignIn.Status status = twoStep.status(user);
        model.addAttribute("status", status);
        if (!status.enrolled()) {
            twoStep.setup(user).ifPresent(setup -> {
                model.addAttribute("setup", setup);
                model.addAttribute("qr", QrImage.dataUri(setup.uri()));
            });
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("activeNav", "account");
        return PAGE;
    }
}
