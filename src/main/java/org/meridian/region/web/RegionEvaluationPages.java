package org.meridian.region.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.meridian.region.RegionCentre;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region's own institution evaluations (区域机构评价): the newest published evaluation of each institution type in
 * the region's evaluation centre, for the regulator and the region administrator; the region administrator sets the
 * centre up and brings the hospitals in on {@code /region/centre} ({@link CentrePages}).
 */
@Controller
@RequestMapping("/region/evaluations")
@PreAuthorize("hasAnyRole('REGULATOR', 'REGION_ADMIN')")
class RegionEvaluationPages {

    private final RegionCentre centre;
    private final MessageSource messages;

    RegionEvaluationPages(RegionCentre centre, MessageSource messages) {
        this.centre = centre;
        this.messages = messages;
    }

    /** One institution type: its newest published evaluation, or none. */
    record Section(UnitType type, RegionCentre.Published published) {
    }

    @GetMapping
    String evaluations(Actor actor, @RequestParam(required = false) String period, Model model, Locale locale) {
        model.addAttribute("activeNav", actor.has(Role.REGULATOR) ? "home" : RegionNavigation.NAV_ID);
        model.addAttribute("regulatorTab", "evaluations");
        model.addAttribute("regulator", actor.roles().contains(Role.REGULATOR));
        model.addAttribute("regionReader", true);
        model.addAttribute("administers", actor.has(Role.REGION_ADMIN));
        Period p = null;
        if (period != null && !period.isBlank()) {
            Optional<Period> parsed = Period.parse(period.strip());
            if (parsed.isPresent()) {
                p = parsed.get();
            } else {
                model.addAttribute("filterErrors", List.of(messages.getMessage("region.error.period",
                        new Object[] {period.strip()}, locale)));
            }
        }
        model.addAttribute("period", p == null ? "" : p.toString());
        model.addAttribute("centre", centre.centre(actor).orElse(null));
        List<Section> sections = new ArrayList<>();
        for (UnitType type : RegionCentre.TYPES) {
            sections.add(new Section(type, centre.published(actor, type, p).orElse(null)));
        }
        model.addAttribute("sections", sections);
        return "region/evaluations";
    }
}
