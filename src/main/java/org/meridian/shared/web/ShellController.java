package org.meridian.shared.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.security.SingleSignOn;
import org.meridian.shared.security.SingleSignOnProviders;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page and the home page, which is the signed-in person's workbench (工作台): the to-do inbox from every
 * module's {@link WorkItems}, the key figures ({@link HomeFigures}) with their trend, charts ({@link HomeCharts}) and
 * short lists ({@link HomePanels}), gathered by {@link Workbench} — all in the one response, no further request for
 * the numbers. A user whom a module's {@link RoleHome} serves gets that home instead (the regulator: the region's
 * workbench). Figures come to the hospital's staff and to a channel's own user; a role whose workbench has none by
 * design (the referral desk, a region administrator alone) is told so and shown the pages its work is on, instead of
 * the promise that figures will come. A region administrator without a hospital role works for the region, so its
 * workbench is headed with the region, not with the hospital its account belongs to.
 */
@Controller
class ShellController {

    /** The inbox shows at most this many items, the longest-waiting first; the counts per kind are always whole. */
    static final int INBOX_SHOWN = 30;

    private final Hospitals hospitals;
    private final Workbench workbench;
    private final Navigation navigation;

    private final ObjectProvider<RoleHome> roleHomes;
    private final SingleSignOnProviders singleSignOn;

    /** The reasons of {@code /login?sso=} that the sign-in page explains. */
    private static final Set<String> SSO_REFUSALS = Stream.concat(
            Arrays.stream(SingleSignOn.Refusal.values()).map(SingleSignOn.Refusal::code), Stream.of("failed"))
            .collect(Collectors.toUnmodifiableSet());

    ShellController(Hospitals hospitals, Workbench workbench, Navigation navigation,
                    ObjectProvider<RoleHome> roleHomes, SingleSignOnProviders singleSignOn) {
        this.hospitals = hospitals;
        this.workbench = workbench;
        this.navigation = navigation;
        this.roleHomes = roleHomes;
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "sso", required = false) String sso, Model model) {
        model.addAttribute("ssoProviders", singleSignOn.all());
        if (sso != null) {
            // only the reasons Meridian itself gives have a text; anything else typed into the address is ignored
            model.addAttribute("ssoError", SSO_REFUSALS.contains(sso) ? "login.sso." + sso : null);
        }
        return "login";
    }

    /** One kind of work in the inbox with how many items of it wait. */
    record WorkKind(String kind, String kindKey, long count) {
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal MeridianUser user, @RequestParam Map<String, String> params,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Actor actor = user.actor();
        for (RoleHome own : roleHomes.orderedStream().toList()) {
            if (own.serves(actor)) {
                return own.render(actor, params, htmx != null, model);
            }
        }
        Workbench.Home home = workbench.home(user);
        List<HomeFigure> figures = home.figures();
        List<WorkItem> work = home.work();
        Map<String, WorkKind> kinds = new LinkedHashMap<>();
        work.forEach(w -> kinds.merge(w.kind(), new WorkKind(w.kind(), w.kindKey(), 1),
                (a, b) -> new WorkKind(a.kind(), a.kindKey(), a.count() + 1)));
        model.addAttribute("hospital", hospitals.find(user.hospitalId()).orElseThrow());
        model.addAttribute("figures", figures);
        model.addAttribute("workKinds", List.copyOf(kinds.values()));
        model.addAttribute("workItems", work.subList(0, Math.min(work.size(), INBOX_SHOWN)));
        model.addAttribute("workTotal", work.size());
        model.addAttribute("charts", home.charts());
        model.addAttribute("panels", home.panels());
        boolean figuresByDesign = actor.has(Role.ANALYST) || actor.isChannelUser();
        model.addAttribute("figuresByDesign", figuresByDesign);
        model.addAttribute("rolePages", figuresByDesign ? List.of() : navigation.items());
        if (actor.has(Role.REGION_ADMIN) && !actor.has(Role.ANALYST)) {
            model.addAttribute("regionName", hospitals.regionName(user.hospitalId()));
        }
        model.addAttribute("activeNav", "home");
        return "home";
    }
}
