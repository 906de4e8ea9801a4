package org.meridian.feedback.web;

import java.util.List;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationLinks;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * Links a published evaluation's ranking page to the delivery list of its feedback reports
 * ({@code /feedback/evaluations/{id}}), for ANALYST and above, who may open that list. A draft has no reports.
 */
@Component
class FeedbackEvaluationLinks implements EvaluationLinks {

    @Override
    public List<Link> links(Actor reader, Evaluation evaluation) {
        if (!evaluation.published() || !EvaluationVisibility.seesAll(reader)) {
            return List.of();
        }
        return List.of(new Link("feedback-link", "feedback.delivery.title", "/feedback/evaluations/" + evaluation.id()));
    }
}
