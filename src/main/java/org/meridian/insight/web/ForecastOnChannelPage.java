package org.meridian.insight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.channel.ChannelPanels;
import org.meridian.channel.ChannelRef;
import org.meridian.insight.forecast.Forecast;
import org.meridian.insight.forecast.ForecastBook;
import org.meridian.insight.forecast.ForecastMeasure;
import org.meridian.insight.forecast.ForecastVisibility;
import org.meridian.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The forecast panel on a channel's page: the referrals' chart (history, fit, bands), the method and why, the next
 * month of each measure with its 80 % band, last year's back-test error, and a link to the channel's forecast page.
 * Nothing when the channel has no forecast yet.
 */
@Component
class ForecastOnChannelPage implements ChannelPanels {

    private final ForecastBook book;
    private final ForecastViews views;
    private final MessageSource messages;

    ForecastOnChannelPage(ForecastBook book, ForecastViews views, MessageSource messages) {
        this.book = book;
        this.views = views;
        this.messages = messages;
    }

    @Override
    public List<Panel> panels(Actor reader, ChannelRef channel) {
        if (!ForecastVisibility.seesChannel(reader, channel.id())) {
            return List.of();
        }
        List<Forecast> forecasts = book.channel(reader, channel.code()).forecasts();
        if (forecasts.isEmpty()) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Forecast referrals = forecasts.get(0);
        List<Row> rows = new ArrayList<>();
        for (Forecast f : forecasts) {
            Forecast.Month next = f.next();
            if (next == null) {
                continue;
            }
            boolean money = f.measure() == ForecastMeasure.REVENUE;
            rows.add(new Row(messages.getMessage("insight.forecast.measure." + f.measure().name(), null, locale),
                    messages.getMessage("insight.forecast.panel.value", new Object[] {views.amount(next.value(),
                            money, locale), views.band(next.lower80(), next.upper80(), money, locale),
                            ForecastViews.mape(f.backtestMape())}, locale)));
        }
        String month = referrals.next() == null ? "" : views.month(referrals.next().month(), locale);
        String text = messages.getMessage("insight.forecast.panel.text", new Object[] {month,
                views.method(referrals.method().name(), locale)}, locale) + " " + views.why(referrals, locale);
        return List.of(new Panel(50, "channel-forecast", messages.getMessage("insight.forecast.panel.title", null,
                locale), text, views.of(referrals, locale).chart(), rows,
                "/insight/forecasts/channels/" + channel.code(),
                messages.getMessage("insight.forecast.panel.link", null, locale)));
    }
}
