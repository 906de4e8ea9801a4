package org.meridian.insight.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.channel.ChannelPanels;
import org.meridian.channel.ChannelRef;
import org.meridian.insight.change.ChangeBasis;
import org.meridian.insight.change.ChangeExplainer;
import org.meridian.insight.change.ChangeMeasure;
import org.meridian.insight.change.ChangeNotFoundException;
import org.meridian.insight.change.ChangeVisibility;
import org.meridian.insight.change.ChannelTotalExplanation;
import org.meridian.insight.change.IndicatorMove;
import org.meridian.insight.change.TotalChange;
import org.meridian.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * "Why the total changed" (总分为何变动) on a channel's page for the hospital's staff (analysts and above): in the latest
 * of the last two whole months with a published total of the channel, its total against the month before in
 * sentences, the indicators that moved it most (at most {@value #SHOWN}, largest first) with their contributions, and
 * a link to the explained changes page (both comparisons, every indicator). Nothing when the channel has no published
 * total in those months.
 */
@Component
class ChangesOnChannelPage implements ChannelPanels {

    static final int SHOWN = 3;

    private final ChangeExplainer explainer;
    private final ChangeTexts texts;
    private final MessageSource messages;

    ChangesOnChannelPage(ChangeExplainer explainer, ChangeTexts texts, MessageSource messages) {
        this.explainer = explainer;
        this.texts = texts;
        this.messages = messages;
    }

    @Override
    public List<Panel> panels(Actor reader, ChannelRef channel) {
        if (!ChangeVisibility.seesHospital(reader)) {
            return List.of();
        }
        YearMonth latest = explainer.latestMonth(reader);
        for (YearMonth month : List.of(latest, latest.minusMonths(1))) {
            ChannelTotalExplanation t;
            try {
                t = explainer.explainTotal(reader, month, channel.code());
            } catch (ChangeNotFoundException e) {
                return List.of();
            }
            TotalChange before = t.get(ChangeBasis.MONTH_BEFORE);
            if (before.current() == null) {
                continue;
            }
            Locale locale = LocaleContextHolder.getLocale();
            String text = texts.write(before.sentences());
            List<Row> rows = new ArrayList<>();
            for (IndicatorMove m : before.indicators().subList(0, Math.min(SHOWN, before.indicators().size()))) {
                rows.add(new Row(Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? m.nameZh() : m.nameEn(),
                        texts.signed(ChangeMeasure.AVERAGE_TOTAL, m.change())));
            }
            return List.of(new Panel(40, "channel-total-change",
                    messages.getMessage("insight.change.channelPanel.title", null, locale), text, null, rows,
                    "/insight/changes?month=" + month + "&measure=AVERAGE_TOTAL&channel=" + channel.code()
                            + "#indicators",
                    messages.getMessage("insight.change.channelPanel.link", null, locale)));
        }
        return List.of();
    }
}
