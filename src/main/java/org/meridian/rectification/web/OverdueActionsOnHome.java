package org.meridian.rectification.web;

import java.util.List;

import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.rectification.OverdueAction;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.AboutChannels;
import org.meridian.shared.web.HomeFigure;
import org.meridian.shared.web.HomeFigures;
import org.meridian.shared.web.HomePanel;
import org.meridian.shared.web.HomePanels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The home page's list of overdue rectification actions (逾期整改事项) and their count, for the office and analysts
 * (every channel) and for a channel user (its own channel's).
 */
@Component
class OverdueActionsOnHome implements AboutChannels, HomePanels, HomeFigures {

    static final int SHOWN = 10;

    private final RectificationWorkflow rectification;
    private final MessageSource messages;

    OverdueActionsOnHome(RectificationWorkflow rectification, MessageSource messages) {
        this.rectification = rectification;
        this.messages = messages;
    }

    private static boolean sees(MeridianUser user) {
        return EvaluationVisibility.seesAll(user.actor()) || user.hasRole(Role.CHANNEL_USER);
    }

    @Override
    public List<HomePanel> panels(MeridianUser user) {
        if (!sees(user)) {
            return List.of();
        }
        var locale = LocaleContextHolder.getLocale();
        List<HomePanel.Row> rows = rectification.overdue(user.actor(), SHOWN).stream().map((OverdueAction o) ->
                new HomePanel.Row(o.plan().channelCode() + " " + o.plan().channelName() + " · "
                        + o.action().description(),
                        messages.getMessage("rectification.home.detail", new Object[] {o.action().dueDate().toString(),
                                o.action().owner()}, locale),
                        "/rectification/" + o.plan().id(),
                        messages.getMessage("rectification.home.late", new Object[] {o.daysLate()}, locale), "bad"))
                .toList();
        return List.of(new HomePanel(30, "overdue-actions", "rectification.home.title", "rectification.home.none",
                "/rectification", rows));
    }

    @Override
    public List<HomeFigure> figures(MeridianUser user) {
        if (!sees(user)) {
            return List.of();
        }
        long n = rectification.countOverdue(user.actor());
        return List.of(new HomeFigure(80, "rectification.figure.overdue", String.valueOf(n), "/rectification",
                n > 0 ? "warn" : "good"));
    }
}
