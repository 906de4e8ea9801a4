package org.meridian.feedback.web;

import java.util.List;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationLinks;
import org.meridian.evaluation.EvaluationService;
import org.meridian.shared.security.MeridianUser;
import org.springframework.stereotype.Component;

/**
 * Links a published evaluation's ranking page to the delivery list of its feedback reports
 * ({@code /feedback/evaluations/{id}}), for ANALYST and above, who may open that list. A draft has no reports.
 */
@Component
class FeedbackEvaluationLinks implements EvaluationLinks {

    @Override
    public List<Link> links(MeridianUser user, Evaluation evaluation) {
        if (!evaluation.published() || !EvaluationService.seesAll(user)) {
            return List.of();
        }
        return List.of(new Link("feedback-link", "feedback.delivery.title", "/feedback/evaluations/" + evaluation.id()));
    }
}
