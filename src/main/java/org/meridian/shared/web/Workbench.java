package org.meridian.shared.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the modules contribute to a person's workbench (工作台), gathered in order: key figures ({@link HomeFigures}),
 * to-do items ({@link WorkItems}, the longest-waiting first), charts ({@link HomeCharts}) and short lists
 * ({@link HomePanels}). The home page shows all of it; the channel portal shows a channel user's figures, charts and
 * to-do items in its phone layout, so that both pages show the same numbers.
 */
@Component
public class Workbench {

    private final ObjectProvider<HomeFigures> figureSources;
    private final ObjectProvider<HomePanels> panelSources;
    private final ObjectProvider<WorkItems> workSources;
    private final ObjectProvider<HomeCharts> chartSources;

    private final Hospitals hospitals;

    Workbench(ObjectProvider<HomeFigures> figureSources, ObjectProvider<HomePanels> panelSources,
              ObjectProvider<WorkItems> workSources, ObjectProvider<HomeCharts> chartSources, Hospitals hospitals) {
        this.hospitals = hospitals;
        this.figureSources = figureSources;
        this.panelSources = panelSources;
        this.workSources = workSources;
        this.chartSources = chartSources;
    }

    public List<HomeFigure> figures(MeridianUser user) {
        return figureSources.orderedStream().filter(concerning(user.actor()))
                .flatMap(source -> source.figures(user).stream())
                .sorted(Comparator.comparingInt(HomeFigure::order))
                .toList();
    }

    /** Everything waiting for the actor, the longest-waiting first (items without a time last). */
    public List<WorkItem> work(Actor actor) {
        return workSources.orderedStream()
                .flatMap(source -> source.items(actor).stream())
                .sorted(Comparator.comparing(WorkItem::since, Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
                .toList();
    }

    public List<HomeChart> charts(Actor actor) {
        return chartSources.orderedStream().filter(concerning(actor))
                .flatMap(source -> source.charts(actor).stream())
                .sorted(Comparator.comparingInt(HomeChart::order))
                .toList();
    }

    public List<HomePanel> panels(MeridianUser user) {
        return panelSources.orderedStream().filter(concerning(user.actor()))
                .flatMap(source -> source.panels(user).stream())
                .sorted(Comparator.comparingInt(HomePanel::order))
                .toList();
    }

    /**
     * Every source of figures, charts and panels, but those {@link AboutChannels} for the accounts of a region's
     * evaluation centre (to-do items always concern the person, wherever they come from).
     */
    private Predicate<Object> concerning(Actor actor) {
        boolean centre = hospitals.isRegionCentre(actor.hospitalId());
        return source -> !(centre && source instanceof AboutChannels);
    }
}
