package org.meridian.shared.security.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.meridian.shared.security.ApiTokens;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** 令牌管理: every personal access token of the hospital, for administrators, with revoke. */
@Controller
@RequestMapping("/admin/tokens")
@PreAuthorize("hasRole('ADMIN')")
class AdminTokensController {

    private final ApiTokens tokens;
    private final Hospitals hospitals;
    private final Clock clock;

    AdminTokensController(ApiTokens tokens, Hospitals hospitals, Clock clock) {
        this.tokens = tokens;
        this.hospitals = hospitals;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal MeridianUser admin,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("tokens", tokens.ofHospital(admin.hospitalId()));
        model.addAttribute("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        model.addAttribute("zone", hospitals.find(admin.hospitalId()).orElseThrow().timeZone());
        model.addAttribute("activeNav", AdminNavigation.NAV_ID);
        model.addAttribute("adminTab", "tokens");
        return htmx != null ? "admin/tokens :: table" : "admin/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal MeridianUser admin, @PathVariable long id,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        if (!tokens.revoke(admin, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return htmx != null ? list(admin, htmx, model) : "redirect:/admin/tokens";
    }
}
