package org.meridian.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.Figures;
import org.meridian.shared.UnitKind;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.HomeChart;
import org.meridian.shared.web.HomeCharts;
import org.meridian.shared.web.HomeFigure;
import org.meridian.shared.web.HomeFigures;
import org.meridian.shared.web.HomePanel;
import org.meridian.shared.web.HomePanels;
import org.meridian.shared.web.Times;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluations on the home page, all read through {@link EvaluationResults} with the caller as {@link Actor}:
 * <ul>
 * <li>for a channel's own user: its latest published total, rank and tier, each against the period before, and the
 *     trend of its totals over the published periods of that kind;</li>
 * <li>for the hospital's staff (analyst and above): the latest evaluations;</li>
 * <li>in the office's to-do inbox (CHANNEL_MANAGER and above, who may publish): every draft not yet published.</li>
 * </ul>
 */
@Component
class EvaluationHome implements HomeFigures, HomeCharts, HomePanels, WorkItems {

    /** The kind of work item of a draft evaluation. */
    static final String DRAFT = "evaluation.draft";
    static final int LATEST_SHOWN = 5;
    /** How many channels the top and the bottom lists show. */
    static final int ENDS_SHOWN = 3;

    private final EvaluationResults results;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Times times;

    EvaluationHome(EvaluationResults results, MessageSource messages, JsonMapper json, Times times) {
        this.results = results;
        this.messages = messages;
        this.json = json;
        this.times = times;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    // ---- a channel's own user ----------------------------------------------------------------------

    @Override
    public List<HomeFigure> figures(MeridianUser user) {
        Actor actor = user.actor();
        if (!actor.isChannelUser()) {
            return List.of();
        }
        Optional<Evaluation> latest = results.latestOwn(actor);
        if (latest.isEmpty()) {
            return List.of(new HomeFigure(10, "evaluation.home.score", "—", null, "normal",
                    text("evaluation.home.nonePublished"), List.of()));
        }
        Evaluation e = latest.get();
        UnitScorecard own = results.scorecards(actor, e.id(), 0, 1).items().get(0);
        List<TrendPoint> trend = results.trend(actor, actor.channelId(), e.unitType(), e.period());
        TrendPoint before = trend.stream().filter(p -> p.period().compareTo(e.period()) < 0)
                .reduce((a, b) -> b).orElse(null);
        String note = text("evaluation.home.periodNote", e.period().toString(), text("unitType." + e.unitType().name()));
        BigDecimal total = own.roundedTotal();
        List<HomeFigure.Change> scoreChange = new ArrayList<>();
        List<HomeFigure.Change> rankChange = new ArrayList<>();
        List<HomeFigure.Change> tierChange = new ArrayList<>();
        if (before != null) {
            if (total != null && before.total() != null) {
                BigDecimal d = total.subtract(before.total());
                scoreChange.add(new HomeFigure.Change("evaluation.home.vsBefore",
                        (d.signum() > 0 ? "+" : "") + Figures.total(d), tone(d.signum())));
            }
            if (own.rank() != null && before.rank() != null) {
                int moved = before.rank() - own.rank();
                rankChange.add(new HomeFigure.Change("evaluation.home.vsBefore",
                        moved > 0 ? "↑ " + moved : moved < 0 ? "↓ " + (-moved) : "=", tone(Integer.signum(moved))));
            }
            tierChange.add(new HomeFigure.Change("evaluation.home.vsBefore", tierText(before.tier()), "flat"));
        }
        String href = "/feedback";
        return List.of(
                new HomeFigure(10, "evaluation.home.score", Figures.total(total), href, "normal", note, scoreChange),
                new HomeFigure(12, "evaluation.home.rank", own.rank() == null ? "—"
                        : text("evaluation.home.rankOf", own.rank(), e.units()), href, "normal", note, rankChange),
                new HomeFigure(14, "evaluation.home.tier", tierText(own.tier()), href, tierTone(own.tier()), note,
                        tierChange));
    }

    private static String tone(int signum) {
        return signum > 0 ? "up" : signum < 0 ? "down" : "flat";
    }

    /** The tier card coloured as the tier badges are: {@code tier tier-A} … {@code tier tier-D}, unrated plain. */
    static String tierTone(String tier) {
        return tier == null || "UNRATED".equals(tier) ? "tier none" : "tier tier-" + tier;
    }

    private String tierText(String tier) {
        return tier == null ? "—" : "UNRATED".equals(tier) ? text("evaluation.tier.UNRATED") : tier;
    }

    @Override
    public List<HomeChart> charts(Actor actor) {
        if (!actor.isChannelUser()) {
            return List.of();
        }
        return results.latestOwn(actor).map(e -> {
            Map<String, Object> option = TrendChart.option(
                    results.trend(actor, actor.channelId(), e.unitType(), e.period()), text("evaluation.home.score"));
            return List.of(new HomeChart(50, "own-trend", "evaluation.home.trend", json.writeValueAsString(option)));
        }).orElse(List.of());
    }

    // ---- the hospital's staff ---------------------------------------------------------------------

    @Override
    public List<HomePanel> panels(MeridianUser user) {
        Actor actor = user.actor();
        if (!actor.has(Role.ANALYST)) {
            return List.of();
        }
        List<HomePanel.Row> rows = results.search(actor, null, null, 0, LATEST_SHOWN).items().stream()
                .map(e -> new HomePanel.Row(
                        text("evaluation.home.latestText", e.period().toString(), text("unitType." + e.unitType().name()),
                                e.version()),
                        text(units(e, "evaluation.home.latestDetail"), e.units(), times.minutes(e.ranAt())),
                        "/evaluations/" + e.id(), text("evaluation.status." + e.status().name()),
                        e.published() ? "good" : "warn"))
                .toList();
        List<HomePanel> panels = new ArrayList<>();
        panels.add(new HomePanel(30, "latest-evaluations", "evaluation.home.latest", "evaluation.home.noneYet",
                "/evaluations", rows));
        if (actor.has(Role.CHANNEL_MANAGER)) {
            panels.addAll(topAndBottom(actor));
        }
        return panels;
    }

    /**
     * For leadership and the office: the {@value #ENDS_SHOWN} best and worst ranked channels of the latest published
     * evaluation (the newest period; of several unit types the first in the evaluation list, its newest published
     * version), each linking to its scorecard. A channel is in one list only: the top list takes the better half
     * (up to three), the bottom list the rest (up to three; no bottom list for a single ranked channel).
     */
    private List<HomePanel> topAndBottom(Actor actor) {
        Optional<Evaluation> latest = results.search(actor, null, null, 0, LATEST_SHOWN * 4).items().stream()
                .filter(Evaluation::published).findFirst();
        if (latest.isEmpty()) {
            return List.of();
        }
        Evaluation e = latest.get();
        List<UnitScorecard> ranked = results.ranking(actor, e.id()).stream()
                .filter(c -> c.rank() != null).toList();
        int top = Math.min(ENDS_SHOWN, (ranked.size() + 1) / 2);
        int bottom = Math.min(ENDS_SHOWN, ranked.size() - top);
        String of = text("evaluation.home.latestText", e.period().toString(),
                text("unitType." + e.unitType().name()), e.version());
        List<HomePanel.Row> best = ranked.subList(0, top).stream().map(c -> endRow(e, c, of, "good")).toList();
        List<HomePanel.Row> worst = new ArrayList<>(ranked.subList(ranked.size() - bottom, ranked.size()).stream()
                .map(c -> endRow(e, c, of, "bad")).toList());
        java.util.Collections.reverse(worst);
        HomePanel best3 = new HomePanel(32, "top-channels", units(e, "evaluation.home.top"),
                units(e, "evaluation.home.noneRanked"), "/evaluations/" + e.id(), best);
        return worst.isEmpty() ? List.of(best3) : List.of(best3, new HomePanel(33, "bottom-channels",
                units(e, "evaluation.home.bottom"), units(e, "evaluation.home.noneRanked"), "/evaluations/" + e.id(),
                worst));
    }

    /**
     * The key of a text that names what an evaluation ranks: channels (the key itself), or departments and
     * institutions ({@code <key>.units}: 单位), as a region's evaluation centre and the department evaluations rank.
     */
    private static String units(Evaluation e, String key) {
        return e.unitType().kind() == UnitKind.CHANNEL ? key : key + ".units";
    }

    private HomePanel.Row endRow(Evaluation e, UnitScorecard c, String of, String tone) {
        return new HomePanel.Row(text("evaluation.home.endText", c.rank(), c.channel(), c.channelName()),
                text("evaluation.home.endDetail", Figures.total(c.roundedTotal()), of),
                "/evaluations/" + e.id() + "/channels/" + c.channel(), tierText(c.tier()), tone);
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        if (!actor.has(Role.CHANNEL_MANAGER)) {
            return List.of();
        }
        return results.drafts(actor).stream()
                .map(e -> new WorkItem(DRAFT, "evaluation.work.draft", "evaluation.work.draftText",
                        List.of(e.period().toString(), text("unitType." + e.unitType().name()), e.version(), e.units()),
                        "/evaluations/" + e.id(), e.ranAt()))
                .toList();
    }
}
