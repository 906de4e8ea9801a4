package org.meridian.shared.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
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

    Workbench(ObjectProvider<HomeFigures> figureSources, ObjectProvider<HomePanels> panelSources,
              ObjectProvider<WorkItems> workSources, ObjectProvider<HomeCharts> chartSources) {
        this.figureSources = figureSources;
        this.panelSources = panelSources;
        this.workSources = workSources;
        this.chartSources = chartSources;
    }

    public List<HomeFigure> figures(MeridianUser user) {
        return figureSources.orderedStream()
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
        return chartSources.orderedStream()
                .flatMap(source -> source.charts(actor).stream())
                .sorted(Comparator.comparingInt(HomeChart::order))
                .toList();
    }

    public List<HomePanel> panels(MeridianUser user) {
        return panelSources.orderedStream()
                .flatMap(source -> source.panels(user).stream())
                .sorted(Comparator.comparingInt(HomePanel::order))
                .toList();
    }
}
