package org.meridian.insight.web;

import java.util.List;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationLinks;
import org.meridian.evaluation.EvaluationVisibility;
import org.meridian.shared.Actor;
import org.springframework.stereotype.Component;

/** Links a published evaluation's ranking page to its alternative rankings, for readers who see every channel. */
@Component
class AlternativeRankingLinks implements EvaluationLinks {

    @Override
    public List<Link> links(Actor reader, Evaluation evaluation) {
        if (!evaluation.published() || !EvaluationVisibility.seesAll(reader)) {
            return List.of();
        }
        return List.of(new Link("alternatives-link", "insight.rankings.link",
                "/evaluations/" + evaluation.id() + "/alternatives"));
    }
}
