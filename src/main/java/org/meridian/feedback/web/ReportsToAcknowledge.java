package org.meridian.feedback.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.meridian.feedback.FeedbackReport;
import org.meridian.feedback.FeedbackReporting;
import org.meridian.feedback.FeedbackVisibility;
import org.meridian.shared.Actor;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The feedback reports a channel's own user has still to acknowledge, in its to-do inbox (待办, 反馈报告待确认): each
 * report of its channel not yet acknowledged (确认已阅), opening the report, where the button is; it leaves once
 * acknowledged. A report superseded by a newer version of the same period that the channel has a report of is left
 * out: that newer report is the one to read. Only for a channel's own user, who alone acknowledges its reports
 * ({@link FeedbackVisibility}).
 */
@Component
class ReportsToAcknowledge implements WorkItems {

    static final String KIND = "feedback.acknowledge";

    private final FeedbackReporting reports;
    private final MessageSource messages;

    ReportsToAcknowledge(FeedbackReporting reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        if (!FeedbackVisibility.channelUser(actor)) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<FeedbackReport> mine = reports.mine(actor);
        return mine.stream()
                .filter(r -> r.acknowledgedAt() == null)
                .filter(r -> mine.stream().noneMatch(newer -> samePeriod(newer, r)
                        && newer.content().version() > r.content().version()))
                .map(r -> new WorkItem(KIND, "feedback.work.acknowledge", "feedback.work.acknowledgeText",
                        List.of(r.content().period(),
                                messages.getMessage("unitType." + r.content().unitType(), null, locale),
                                String.valueOf(r.content().version())),
                        "/feedback/reports/" + r.id(), r.generatedAt()))
                .toList();
    }

    private static boolean samePeriod(FeedbackReport a, FeedbackReport b) {
        return Objects.equals(a.content().period(), b.content().period())
                && Objects.equals(a.content().unitType(), b.content().unitType());
    }
}
