package org.meridian.insight.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.meridian.insight.change.ChangeBasis;
import org.meridian.insight.change.ChangeExplainer;
import org.meridian.insight.change.ChangeMeasure;
import org.meridian.insight.change.ChangeNotFoundException;
import org.meridian.insight.change.ChangeVisibility;
import org.meridian.insight.change.ChannelTotalExplanation;
import org.meridian.insight.change.TotalChange;
import org.meridian.insight.change.Comparison;
import org.meridian.insight.change.Explanation;
import org.meridian.insight.change.Phrase;
import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.AboutChannels;
import org.meridian.shared.web.HomePanel;
import org.meridian.shared.web.HomePanels;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * "Why it changed" on the workbench of the office and the leadership (analysts and above): for the last whole month,
 * each measure's change against the month before in a sentence and the channel that moved it most, linking to the
 * explained changes of that month; for a channel's own user (its workbench and portal home), why its total score moved
 * and the indicator that moved it most; and the page's entry in the navigation.
 */
@Component
class ChangesOnHome implements AboutChannels, HomePanels {

    private final ChangeExplainer explainer;
    private final ChangeTexts texts;

    ChangesOnHome(ChangeExplainer explainer, ChangeTexts texts) {
        this.explainer = explainer;
        this.texts = texts;
    }

    @Bean
    static NavItem changesNavItem() {
        return new NavItem("changes", 74, "nav.changes", "/insight/changes", Role.ANALYST).inGroup(NavGroup.INSIGHTS);
    }

    @Override
    public List<HomePanel> panels(MeridianUser user) {
        Actor actor = user.actor();
        if (!ChangeVisibility.seesHospital(actor)) {
            return ChangeVisibility.sees(actor) ? ownTotal(actor) : List.of();
        }
        Explanation x = explainer.explain(actor, explainer.latestMonth(actor));
        String href = "/insight/changes?month=" + x.month();
        List<HomePanel.Row> rows = new ArrayList<>();
        if (x.hasData()) {
            for (ChangeMeasure m : ChangeMeasure.values()) {
                Comparison c = x.get(m, ChangeBasis.MONTH_BEFORE);
                if (c.current() == null) {
                    continue; // no published evaluation of the month yet: nothing to say on the workbench
                }
                String badge = c.compared() ? (c.percent() != null ? texts.percent(c.percent())
                        : texts.signed(m, c.change())) : null;
                String tone = !c.compared() || c.change().signum() == 0 ? "normal" : c.change().signum() > 0 ? "good" : "bad";
                rows.add(new HomePanel.Row(texts.write(Phrase.of("insight.change.measureTitle." + m.name())),
                        texts.write(c.sentences()), href + "&measure=" + m.name() + "#contributors", badge, tone));
            }
        }
        return List.of(new HomePanel(27, "why-changed", "insight.change.home.title", "insight.change.home.none", href,
                rows));
    }

    /**
     * A channel's own user: why its total moved against the month before, in the latest of the last two whole months
     * with a published total (evaluations are published some days after the month).
     */
    private List<HomePanel> ownTotal(Actor actor) {
        YearMonth latest = explainer.latestMonth(actor);
        List<HomePanel.Row> rows = new ArrayList<>();
        String href = "/insight/changes?measure=AVERAGE_TOTAL";
        for (YearMonth month : List.of(latest, latest.minusMonths(1))) {
            ChannelTotalExplanation t;
            try {
                t = explainer.explainTotal(actor, month, null);
            } catch (ChangeNotFoundException e) {
                return List.of(); // bound to a channel that is not (or no longer) registered: nothing to explain
            }
            TotalChange c = t.get(ChangeBasis.MONTH_BEFORE);
            if (c.current() != null) {
                href = "/insight/changes?month=" + month + "&measure=AVERAGE_TOTAL#indicators";
                rows.add(new HomePanel.Row(t.channelName(), texts.write(c.sentences()), href,
                        c.compared() ? texts.signed(ChangeMeasure.AVERAGE_TOTAL, c.change()) : null,
                        !c.compared() || c.change().signum() == 0 ? "normal" : c.change().signum() > 0 ? "good" : "bad"));
                break;
            }
        }
        return List.of(new HomePanel(27, "why-total-changed", "insight.change.channelHome.title",
                "insight.change.channelHome.none", href, rows));
    }
}
