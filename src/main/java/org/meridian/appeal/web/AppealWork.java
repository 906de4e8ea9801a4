package org.meridian.appeal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.appeal.AppealProcedure;
import org.meridian.appeal.AppealStatus;
import org.meridian.appeal.AppealVisibility;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.MeridianException;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The appeals waiting for the channel office in its to-do inbox (待办, 申诉待处理): each open appeal — submitted, to
 * be taken under review (待受理), or under review, to be decided (待裁决) — for those who review and decide appeals
 * (CHANNEL_MANAGER and above, {@link AppealVisibility#office}) but never the one who filed it ({@link FourEyes}),
 * the longest-waiting first, an overdue review marked; opening the appeal's page, where both steps are done. It
 * leaves once decided.
 */
@Component
class AppealWork implements WorkItems {

    static final String KIND = "appeal.open";
    /** At most this many appeals are listed; the inbox shows the longest-waiting. */
    static final int LIMIT = 100;

    private final AppealProcedure appeals;
    private final EvaluationResults evaluations;
    private final MessageSource messages;

    AppealWork(AppealProcedure appeals, EvaluationResults evaluations, MessageSource messages) {
        this.appeals = appeals;
        this.evaluations = evaluations;
        this.messages = messages;
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        if (!AppealVisibility.office(actor)) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        var now = appeals.currentTime();
        Map<Long, Map<String, String>> names = new HashMap<>();
        return appeals.open(actor, LIMIT).stream()
                .filter(a -> FourEyes.allows(a.filedBy(), actor))
                .map(a -> {
                    String indicator = names.computeIfAbsent(a.evaluationId(), e -> indicatorNames(actor, e, locale))
                            .getOrDefault(a.indicator(), a.indicator());
                    String step = a.status() == AppealStatus.SUBMITTED ? "toReview" : "toDecide";
                    String text = "appeal.work." + step + "Text" + (a.overdueAt(now) ? "Overdue" : "");
                    return new WorkItem(KIND, "appeal.work.open", text, List.of(a.channelName(), a.period(),
                            messages.getMessage("unitType." + a.unitType().name(), null, locale), indicator),
                            "/appeals/" + a.id(), a.filedAt().toInstant());
                })
                .toList();
    }

    private Map<String, String> indicatorNames(Actor actor, long evaluationId, Locale locale) {
        try {
            return evaluations.indicatorNames(actor, evaluationId, "en".equals(locale.getLanguage()));
        } catch (MeridianException e) {
            return Map.of();
        }
    }
}
