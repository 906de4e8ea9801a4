package org.meridian.shared.security.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.meridian.shared.security.AccountAdministration;
import org.meridian.shared.security.AccountRejected;
import org.meridian.shared.security.ApiTokens;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.TwoStepSignIn;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * 我的账户 (My account): every signed-in person changes their own password and manages their own
 * personal access tokens, and sees whether two-step verification is on ({@link SecondFactorController}). Each handler answers an htmx request with only the card it changed.
 */
@Controller
@RequestMapping("/account")
class AccountController {

    private static final String PAGE = "account/index";

    private final AccountAdministration administration;
    private final ApiTokens tokens;
    private final Hospitals hospitals;
    private final Clock clock;
    private final TwoStepSignIn twoStep;

    AccountController(AccountAdministration administration, ApiTokens tokens, Hospitals hospitals, Clock clock,
                      TwoStepSignIn twoStep) {
        this.administration = administration;
        this.twoStep = twoStep;
        this.tokens = tokens;
        this.hospitals = hospitals;
        this.clock = clock;
    }

    @GetMapping
    String page(@AuthenticationPrincipal MeridianUser user, Model model) {
        fill(user, model);
        model.addAttribute("passwordForm", new PasswordForm());
        model.addAttribute("tokenForm", new TokenForm());
        return PAGE;
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal MeridianUser user,
                          @ModelAttribute("passwordForm") PasswordForm form, BindingResult binding,
                          @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        if (!binding.hasErrors()) {
            try {
                administration.changeOwnPassword(user, form.getCurrentPassword(), form.getNewPassword(),
                        form.getConfirmPassword());
                if (htmx == null) {
                    return "redirect:/account?passwordChanged";
                }
                model.addAttribute("passwordChanged", true);
            } catch (AccountRejected rejected) {
                FormErrors.reject(binding, rejected);
            }
        }
        form.setCurrentPassword(null);
        form.setNewPassword(null);
        form.setConfirmPassword(null);
        fill(user, model);
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm());
        }
        return htmx != null ? PAGE + " :: password" : PAGE;
    }

    @PostMapping("/tokens")
    String createToken(@AuthenticationPrincipal MeridianUser user, @ModelAttribute("tokenForm") TokenForm form,
                       BindingResult binding, @RequestHeader(value = "HX-Request", required = false) String htmx,
                       Model model) {
        if (binding.hasErrors()) {
            FormErrors.reject(binding, ApiTokens.problems(form.getName(), null));
        } else {
            try {
                model.addAttribute("created", tokens.create(user, form.getName(), form.getValidDays()));
                form.setName(null);
                form.setValidDays(null);
            } catch (AccountRejected rejected) {
                FormErrors.reject(binding, rejected);
            }
        }
        fill(user, model);
        model.addAttribute("passwordForm", new PasswordForm());
        return htmx != null ? PAGE + " :: tokens" : PAGE;
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal MeridianUser user, @PathVariable long id,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ApiTokens.Token token = tokens.find(user.hospitalId(), id)
                .filter(t -> t.userId() == user.userId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        tokens.revoke(user, token.id());
        if (htmx == null) {
            return "redirect:/account";
        }
        fill(user, model);
        model.addAttribute("tokenForm", new TokenForm());
        return PAGE + " :: tokens";
    }

    private void fill(MeridianUser user, Model model) {
        model.addAttribute("account", administration.load(user, user.userId()));
        model.addAttribute("tokens", tokens.ofUser(user.hospitalId(), user.userId()));
        model.addAttribute("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        model.addAttribute("zone", hospitals.find(user.hospitalId()).orElseThrow().timeZone());
        model.addAttribute("secondFactor", twoStep.status(user));
        model.addAttribute("activeNav", "account");
    }
}
