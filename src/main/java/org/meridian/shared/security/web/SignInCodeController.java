package org.meridian.shared.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.SecondFactorGate;
import org.meridian.shared.security.TwoStepSignIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in (两步验证): after the right password, the code of the person's authenticator app or a
 * recovery code. Only a session waiting for it ({@link SecondFactorGate}) sees the page; anyone else goes home.
 */
@Controller
@RequestMapping(SecondFactorGate.CODE_PAGE)
class SignInCodeController {

    private static final String PAGE = "login-code";

    private final TwoStepSignIn twoStep;

    SignInCodeController(TwoStepSignIn twoStep) {
        this.twoStep = twoStep;
    }

    @GetMapping
    String page(HttpServletRequest request) {
        return SecondFactorGate.waitingForCode(request) ? PAGE : "redirect:/";
    }

    @PostMapping
    String check(@AuthenticationPrincipal MeridianUser user, @RequestParam(defaultValue = "") String code,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!SecondFactorGate.waitingForCode(request)) {
            return "redirect:/";
        }
        TwoStepSignIn.Outcome outcome = twoStep.verify(user, code, request.getRemoteAddr());
        switch (outcome) {
            case PASSED, RECOVERY_USED -> {
                return "redirect:" + SecondFactorGate.passed(request, response);
            }
            case THROTTLED -> model.addAttribute("codeError", "login.code.throttled");
            case WRONG -> model.addAttribute("codeError", "login.code.wrong");
        }
        return PAGE;
    }
}
