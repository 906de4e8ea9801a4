package org.meridian.shared.web;

import java.util.Comparator;
import java.util.List;

import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the home page with the hospital's key figures. */
@Controller
class ShellController {

    private final Hospitals hospitals;
    private final ObjectProvider<HomeFigures> figureSources;
    private final ObjectProvider<HomePanels> panelSources;

    ShellController(Hospitals hospitals, ObjectProvider<HomeFigures> figureSources,
                    ObjectProvider<HomePanels> panelSources) {
        this.hospitals = hospitals;
        this.figureSources = figureSources;
        this.panelSources = panelSources;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal MeridianUser user, Model model) {
        List<HomeFigure> figures = figureSources.orderedStream()
                .flatMap(source -> source.figures(user).stream())
                .sorted(Comparator.comparingInt(HomeFigure::order))
                .toList();
        model.addAttribute("hospital", hospitals.find(user.hospitalId()).orElseThrow());
        model.addAttribute("figures", figures);
        model.addAttribute("panels", panelSources.orderedStream()
                .flatMap(source -> source.panels(user).stream())
                .sorted(Comparator.comparingInt(HomePanel::order))
                .toList());
        model.addAttribute("activeNav", "home");
        return "home";
    }
}
