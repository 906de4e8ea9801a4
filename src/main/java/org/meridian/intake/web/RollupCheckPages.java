package org.meridian.intake.web;

import java.util.List;

import org.meridian.channel.ChannelRegistry;
import org.meridian.intake.IntakeQuality;
import org.meridian.intake.EventIntake;
import org.meridian.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The rollup check page (汇总核对) for HOSPITAL_MANAGER and above: recomputes the current hospital's daily
 * measures from its events and lists every difference (channel, date, measure, stored, recomputed), or
 * says that all is exact. The same check runs from the command line with {@code --check-rollups}.
 */
@Controller
@PreAuthorize("hasRole('HOSPITAL_MANAGER')")
class RollupCheckPages {

    /** A difference with the channel's code and name. */
    record Shown(String unit, EventIntake.RollupDifference difference) {
    }

    private final EventIntake intake;
    private final IntakeQuality quality;
    private final ChannelRegistry registry;

    RollupCheckPages(EventIntake intake, IntakeQuality quality, ChannelRegistry registry) {
        this.intake = intake;
        this.quality = quality;
        this.registry = registry;
    }

    @GetMapping("/intake/rollups")
    String page(Model model) {
        model.addAttribute("activeNav", "intake");
        model.addAttribute("intakeTab", "rollups");
        model.addAttribute("checked", false);
        return "intake/rollups";
    }

    @PostMapping("/intake/rollups")
    String check(Actor actor, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        long h = actor.hospitalId();
        long started = System.nanoTime();
        List<EventIntake.RollupDifference> differences = intake.checkRollups(h);
        long millis = (System.nanoTime() - started) / 1_000_000;
        model.addAttribute("activeNav", "intake");
        model.addAttribute("intakeTab", "rollups");
        model.addAttribute("checked", true);
        model.addAttribute("millis", millis);
        model.addAttribute("rows", quality.rollupDays(h));
        model.addAttribute("orphans", intake.eventsOfUnknownImports(h));
        model.addAttribute("differences", differences.stream()
                .map(d -> new Shown(registry.find(actor, d.channelId()).map(c -> c.code() + " " + c.name())
                        .orElse("#" + d.channelId()), d))
                .toList());
        return htmx != null ? "intake/rollups :: result" : "intake/rollups";
    }
}
