package org.meridian.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and the home page, which is the signed-in person's workbench (工作台): the to-do inbox from every
 * module's {@link WorkItems}, the key figures ({@link HomeFigures}) with their trend, charts ({@link HomeCharts}) and
 * short lists ({@link HomePanels}), gathered by {@link Workbench} — all in the one response, no further request for
 * the numbers.
 */
@Controller
class ShellController {

    /** The inbox shows at most this many items, the longest-waiting first; the counts per kind are always whole. */
    static final int INBOX_SHOWN = 30;

    private final Hospitals hospitals;
    private final Workbench workbench;

    ShellController(Hospitals hospitals, Workbench workbench) {
        this.hospitals = hospitals;
        this.workbench = workbench;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** One kind of work in the inbox with how many items of it wait. */
    record WorkKind(String kind, String kindKey, long count) {
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal MeridianUser user, Model model) {
        Actor actor = user.actor();
        List<HomeFigure> figures = workbench.figures(user);
        List<WorkItem> work = workbench.work(actor);
        Map<String, WorkKind> kinds = new LinkedHashMap<>();
        work.forEach(w -> kinds.merge(w.kind(), new WorkKind(w.kind(), w.kindKey(), 1),
                (a, b) -> new WorkKind(a.kind(), a.kindKey(), a.count() + 1)));
        model.addAttribute("hospital", hospitals.find(user.hospitalId()).orElseThrow());
        model.addAttribute("figures", figures);
        model.addAttribute("workKinds", List.copyOf(kinds.values()));
        model.addAttribute("workItems", work.subList(0, Math.min(work.size(), INBOX_SHOWN)));
        model.addAttribute("workTotal", work.size());
        model.addAttribute("charts", workbench.charts(actor));
        model.addAttribute("panels", workbench.panels(user));
        // a regulator holds no hospital role: its home says what the system offers it today
        model.addAttribute("regulator", actor.roles().contains(Role.REGULATOR) && !actor.has(Role.ANALYST));
        model.addAttribute("activeNav", "home");
        return "home";
    }
}
