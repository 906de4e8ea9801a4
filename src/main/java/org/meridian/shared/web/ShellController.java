package org.meridian.shared.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and the home page, which is the signed-in person's workbench (工作台): the to-do inbox from every
 * module's {@link WorkItems}, the key figures ({@link HomeFigures}) with their trend, charts ({@link HomeCharts}) and
 * short lists ({@link HomePanels}) — all in the one response, no further request for the numbers.
 */
@Controller
class ShellController {

    /** The inbox shows at most this many items, the longest-waiting first; the counts per kind are always whole. */
    static final int INBOX_SHOWN = 30;

    private final Hospitals hospitals;
    private final ObjectProvider<HomeFigures> figureSources;
    private final ObjectProvider<HomePanels> panelSources;
    private final ObjectProvider<WorkItems> workSources;
    private final ObjectProvider<HomeCharts> chartSources;

    ShellController(Hospitals hospitals, ObjectProvider<HomeFigures> figureSources,
                    ObjectProvider<HomePanels> panelSources, ObjectProvider<WorkItems> workSources,
                    ObjectProvider<HomeCharts> chartSources) {
        this.hospitals = hospitals;
        this.figureSources = figureSources;
        this.panelSources = panelSources;
        this.workSources = workSources;
        this.chartSources = chartSources;
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
        List<HomeFigure> figures = figureSources.orderedStream()
                .flatMap(source -> source.figures(user).stream())
                .sorted(Comparator.comparingInt(HomeFigure::order))
                .toList();
        List<WorkItem> work = workSources.orderedStream()
                .flatMap(source -> source.items(actor).stream())
                .sorted(Comparator.comparing(WorkItem::since, Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
                .toList();
        Map<String, WorkKind> kinds = new LinkedHashMap<>();
        work.forEach(w -> kinds.merge(w.kind(), new WorkKind(w.kind(), w.kindKey(), 1),
                (a, b) -> new WorkKind(a.kind(), a.kindKey(), a.count() + 1)));
        model.addAttribute("hospital", hospitals.find(user.hospitalId()).orElseThrow());
        model.addAttribute("figures", figures);
        model.addAttribute("workKinds", List.copyOf(kinds.values()));
        model.addAttribute("workItems", work.subList(0, Math.min(work.size(), INBOX_SHOWN)));
        model.addAttribute("workTotal", work.size());
        model.addAttribute("charts", chartSources.orderedStream()
                .flatMap(source -> source.charts(actor).stream())
                .sorted(Comparator.comparingInt(HomeChart::order))
                .toList());
        model.addAttribute("panels", panelSources.orderedStream()
                .flatMap(source -> source.panels(user).stream())
                .sorted(Comparator.comparingInt(HomePanel::order))
                .toList());
        // a regulator holds no hospital role: its home says what the system offers it today
        model.addAttribute("regulator", actor.roles().contains(Role.REGULATOR) && !actor.has(Role.ANALYST));
        model.addAttribute("activeNav", "home");
        return "home";
    }
}
