package org.meridian.insight.web;

import java.util.List;
import java.util.Locale;

import org.meridian.insight.alert.Alert;
import org.meridian.insight.alert.AlertQuery;
import org.meridian.insight.alert.AlertStatus;
import org.meridian.insight.alert.AlertVisibility;
import org.meridian.insight.alert.AlertWatch;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.AboutChannels;
import org.meridian.shared.web.HomeFigure;
import org.meridian.shared.web.HomeFigures;
import org.meridian.shared.web.HomePanel;
import org.meridian.shared.web.HomePanels;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.meridian.shared.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The alerts on the workbench of the channel office and the leadership (analysts and above): the number of new
 * alerts and the newest of them, each linking to the alert list; and the list's entry in the navigation.
 */
@Component
class AlertsOnHome implements AboutChannels, HomePanels, HomeFigures {

    static final int SHOWN = 5;

    private final AlertWatch watch;
    private final MessageSource messages;

    AlertsOnHome(AlertWatch watch, MessageSource messages) {
        this.watch = watch;
        this.messages = messages;
    }

    @Bean
    static NavItem alertsNavItem() {
        return new NavItem("alerts", 72, "nav.alerts", "/insight/alerts", Role.ANALYST).inGroup(NavGroup.INSIGHTS);
    }

    @Override
    public List<HomePanel> panels(MeridianUser user) {
        if (!AlertVisibility.sees(user.actor())) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<HomePanel.Row> rows = watch.search(user.actor(), new AlertQuery(AlertStatus.NEW, null, null, 0, SHOWN))
                .items().stream().map(a -> row(a, locale)).toList();
        return List.of(new HomePanel(25, "new-alerts", "insight.alert.home.title", "insight.alert.home.none",
                "/insight/alerts?status=NEW", rows));
    }

    private HomePanel.Row row(Alert a, Locale locale) {
        String measure = messages.getMessage("insight.alert.measure." + a.measure().name(), null, locale);
        String when = a.grain().name().equals("MONTH")
                ? messages.getMessage("insight.alert.month", new Object[] {a.day().getYear(), a.day().getMonthValue()},
                locale)
                : a.day().toString();
        String detail = messages.getMessage("insight.alert.home.detail", new Object[] {measure, when,
                a.observed().stripTrailingZeros().toPlainString(), a.expected().setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString()}, locale);
        String badge = messages.getMessage(a.above() ? "insight.alert.above" : "insight.alert.below", null, locale);
        return new HomePanel.Row(a.channelCode() + " " + a.channelName(), detail,
                "/insight/alerts?channel=" + a.channelCode(), badge, a.above() ? "bad" : "warn");
    }

    @Override
    public List<HomeFigure> figures(MeridianUser user) {
        if (!AlertVisibility.sees(user.actor())) {
            return List.of();
        }
        long n = watch.countNew(user.actor());
        return List.of(new HomeFigure(85, "insight.alert.figure.new", String.valueOf(n), "/insight/alerts?status=NEW",
                n > 0 ? "warn" : "good"));
    }
}
