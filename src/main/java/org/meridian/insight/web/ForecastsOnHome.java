package org.meridian.insight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.insight.forecast.Forecast;
import org.meridian.insight.forecast.ForecastBook;
import org.meridian.insight.forecast.ForecastMeasure;
import org.meridian.insight.forecast.ForecastVisibility;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.AboutChannels;
import org.meridian.shared.web.HomePanel;
import org.meridian.shared.web.HomePanels;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The forecasts on the workbench of the leadership and the channel office (analysts and above): the whole hospital's
 * next month of each measure with its 80 % band and the method, linking to the forecast page; and the page's entry
 * 预测 in the navigation's 洞察 group, first of the group's pages.
 */
@Component
class ForecastsOnHome implements AboutChannels, HomePanels {

    private final ForecastBook book;
    private final ForecastViews views;
    private final MessageSource messages;

    ForecastsOnHome(ForecastBook book, ForecastViews views, MessageSource messages) {
        this.book = book;
        this.views = views;
        this.messages = messages;
    }

    @Bean
    static NavItem forecastsNavItem() {
        return new NavItem("forecasts", 71, "nav.forecasts", "/insight/forecasts", Role.ANALYST)
                .inGroup(NavGroup.INSIGHTS);
    }

    @Override
    public List<HomePanel> panels(MeridianUser user) {
        if (!ForecastVisibility.sees(user.actor())) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<HomePanel.Row> rows = new ArrayList<>();
        for (Forecast f : book.hospital(user.actor())) {
            Forecast.Month next = f.next();
            if (next == null) {
                continue;
            }
            boolean money = f.measure() == ForecastMeasure.REVENUE;
            String measure = messages.getMessage("insight.forecast.measure." + f.measure().name(), null, locale);
            String detail = messages.getMessage("insight.forecast.home.detail", new Object[] {
                    views.month(next.month(), locale), views.amount(next.value(), money, locale),
                    views.band(next.lower80(), next.upper80(), money, locale)}, locale);
            rows.add(new HomePanel.Row(measure, detail, "/insight/forecasts?measure=" + f.measure().name(),
                    views.method(f.method().name(), locale), "normal"));
        }
        return List.of(new HomePanel(28, "hospital-forecast", "insight.forecast.home.title",
                "insight.forecast.home.none", "/insight/forecasts", rows));
    }
}
