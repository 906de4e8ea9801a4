package org.meridian.feedback;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.PublicationConsequences;
import org.meridian.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What publishing a new version would do to the feedback reports: the reports of the version it replaces are then
 * superseded (each says so, with a link to the new version's report), and every unit of the new version gets a new
 * report. A first publication supersedes nothing.
 */
@Component
class ReportsOnPublication implements PublicationConsequences {

    private final Reports reports;
    private final MessageSource messages;

    ReportsOnPublication(Reports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Consequence> of(Actor actor, Evaluation draft, Optional<Evaluation> replaced, Locale locale) {
        if (replaced.isEmpty()) {
            return List.of();
        }
        List<FeedbackReport> old = reports.ofEvaluation(actor.hospitalId(), replaced.get().id(), false);
        if (old.isEmpty()) {
            return List.of();
        }
        List<String> items = old.stream().map(r -> messages.getMessage("feedback.preview.item", new Object[] {
                r.content().channelName(), r.content().channelCode(),
                messages.getMessage("feedback.status." + r.status().name(), null, locale)}, locale)).toList();
        return List.of(new Consequence("preview-reports-superseded", "feedback.preview.superseded", items));
    }
}
