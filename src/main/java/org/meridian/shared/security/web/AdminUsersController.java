package org.meridian.shared.security.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.meridian.shared.security.AccountAdministration;
import org.meridian.shared.security.AccountRejected;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.ApiTokens;
import org.meridian.shared.security.ChannelDirectory;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.TwoStepSignIn;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理 (user administration) for administrators: the accounts of the hospital, a new account, and one
 * account's profile, roles, lock, password and tokens.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminUsersController {

    private final AccountAdministration administration;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Hospitals hospitals;
    private final Clock clock;
    private final ObjectProvider<ChannelDirectory> channels;
    private final TwoStepSignIn twoStep;

    AdminUsersController(AccountAdministration administration, Accounts accounts, ApiTokens tokens,
                         Hospitals hospitals, Clock clock, ObjectProvider<ChannelDirectory> channels,
                         TwoStepSignIn twoStep) {
        this.administration = administration;
        this.twoStep = twoStep;
        this.accounts = accounts;
        this.tokens = tokens;
        this.hospitals = hospitals;
        this.clock = clock;
        this.channels = channels;
    }

    @ModelAttribute
    void common(@AuthenticationPrincipal MeridianUser admin, Model model) {
        model.addAttribute("activeNav", AdminNavigation.NAV_ID);
        model.addAttribute("adminTab", "users");
        model.addAttribute("allRoles", Role.grantableByHospital());
        ChannelDirectory directory = channels.getIfAvailable();
        model.addAttribute("channelChoices",
                directory == null ? List.of() : directory.choices(admin.hospitalId()));
        model.addAttribute("zone", hospitals.find(admin.hospitalId()).orElseThrow().timeZone());
        model.addAttribute("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    @GetMapping
    String list(@AuthenticationPrincipal MeridianUser admin, Model model) {
        model.addAttribute("users", accounts.list(admin.hospitalId(), clock.instant()));
        return "admin/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("userForm", new UserForm());
        return "admin/user-new";
    }

    @PostMapping
    String create(@AuthenticationPrincipal MeridianUser admin, @ModelAttribute("userForm") UserForm form,
                  BindingResult binding, RedirectAttributes redirect) {
        var account = new AccountAdministration.NewAccount(form.getUsername(), form.getDisplayName(),
                form.getPassword(), form.getRoles(), form.getChannelId());
        if (binding.hasErrors()) {
            FormErrors.reject(binding, administration.problems(admin, account));
        } else {
            try {
                long id = administration.create(admin, account);
                redirect.addFlashAttribute("notice", "admin.user.created");
                return "redirect:/admin/users/" + id;
            } catch (AccountRejected rejected) {
                FormErrors.reject(binding, rejected);
            }
        }
        form.setPassword(null);
        return "admin/user-new";
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal MeridianUser admin, @PathVariable long id, Model model) {
        Accounts.Account account = administration.load(admin, id);
        UserForm form = new UserForm();
        form.setDisplayName(account.displayName());
        form.setRoles(account.roles());
        form.setEnabled(account.enabled());
        form.setChannelId(account.channelId());
        model.addAttribute("userForm", form);
        model.addAttribute("resetForm", new PasswordResetForm());
        return editPage(admin, account, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal MeridianUser admin, @PathVariable long id,
                  @ModelAttribute("userForm") UserForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Accounts.Account account = administration.load(admin, id);
        var profile = new AccountAdministration.Profile(form.getDisplayName(), form.getRoles(), form.isEnabled(),
                form.getChannelId());
        if (binding.hasErrors()) {
            FormErrors.reject(binding, administration.problems(admin, id, profile));
        } else {
            try {
                administration.update(admin, id, profile);
                redirect.addFlashAttribute("notice", "admin.user.saved");
                return "redirect:/admin/users/" + id;
            } catch (AccountRejected rejected) {
                FormErrors.reject(binding, rejected);
            }
        }
        model.addAttribute("resetForm", new PasswordResetForm());
        return editPage(admin, account, model);
    }

    @PostMapping("/{id}/unlock")
    String unlock(@AuthenticationPrincipal MeridianUser admin, @PathVariable long id, RedirectAttributes redirect) {
        administration.unlock(admin, id);
        redirect.addFlashAttribute("notice", "admin.user.unlocked");
        return "redirect:/admin/users/" + id;
    }

    /** Removes the person's authenticator (phone and recovery codes lost); audited, no second approver needed. */
    @PostMapping("/{id}/second-factor/reset")
    String resetSecondFactor(@AuthenticationPrincipal MeridianUser admin, @PathVariable long id,
                             RedirectAttributes redirect) {
        twoStep.reset(admin, id);
        redirect.addFlashAttribute("notice", "admin.user.secondFactorReset");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(@AuthenticationPrincipal MeridianUser admin, @PathVariable long id,
                         @ModelAttribute("resetForm") PasswordResetForm form, BindingResult binding, Model model,
                         RedirectAttributes redirect) {
        Accounts.Account account = administration.load(admin, id);
        try {
            administration.resetPassword(admin, id, form.getPassword());
            redirect.addFlashAttribute("notice", "admin.user.passwordReset");
            return "redirect:/admin/users/" + id;
        } catch (AccountRejected rejected) {
            FormErrors.reject(binding, rejected);
        }
        form.setPassword(null);
        UserForm profile = new UserForm();
        profile.setDisplayName(account.displayName());
        profile.setRoles(account.roles());
        profile.setEnabled(account.enabled());
        profile.setChannelId(account.channelId());
        model.addAttribute("userForm", profile);
        return editPage(admin, account, model);
    }

    private String editPage(MeridianUser admin, Accounts.Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("self", account.id() == admin.userId());
        model.addAttribute("tokens", tokens.ofUser(admin.hospitalId(), account.id()));
        model.addAttribute("secondFactorOn", twoStep.enrolled(admin.hospitalId(), account.id()));
        return "admin/user-edit";
    }
}
