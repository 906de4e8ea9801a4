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

    /**
     * Everything of the person's workbench, gathered in one go: whether the hospital is a region's evaluation centre
     * is asked once for the whole page, not once per kind of source.
     */
    public Home home(MeridianUser user) {
        Actor actor = user.actor();
        Predicate<Object> concerning = concerning(actor);
        List<HomeFigure> figures = figureSources.orderedStream().filter(concerning)
                .flatMap(source -> source.figures(user).stream())
                .sorted(Comparator.comparingInt(HomeFigure::order))
                .toList();
        List<WorkItem> work = workSources.orderedStream()
                .flatMap(source -> source.items(actor).stream())
                .sorted(Comparator.comparing(WorkItem::since, Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
                .toList();
        List<HomeChart> charts = chartSources.orderedStream().filter(concerning)
                .flatMap(source -> source.charts(actor).stream())
                .sorted(Comparator.comparingInt(HomeChart::order))
                .toList();
        List<HomePanel> panels = panelSources.orderedStream().filter(concerning)
                .flatMap(source -> source.panels(user).stream())
                .sorted(Comparator.comparingInt(HomePanel::order))
                .toList();
        return new Home(figures, work, charts, panels);
    }

    /**
     * A person's workbench: key figures, to-do items (the longest-waiting first, items without a time last), charts
     * and short lists, each in its sources' order.
     */
    public record Home(List<HomeFigure> figures, List<WorkItem> work, List<HomeChart> charts,
                       List<HomePanel> panels) {
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
