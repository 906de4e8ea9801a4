package org.meridian.region.web;

import java.util.List;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationLinks;
import org.meridian.region.RegionCentre;
import org.meridian.region.YearlyRanking;
import org.meridian.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * Links a published institution evaluation of the region's evaluation centre to the yearly ranking of its year, for
 * the centre's own staff (the evaluator, who publishes it).
 */
@Component
class YearlyRankingLinks implements EvaluationLinks {

    private final YearlyRanking ranking;

    YearlyRankingLinks(YearlyRanking ranking) {
        this.ranking = ranking;
    }

    @Override
    public List<Link> links(Actor reader, Evaluation evaluation) {
        if (!evaluation.published() || !RegionCentre.TYPES.contains(evaluation.unitType())
                || !ranking.evaluates(reader)) {
            return List.of();
        }
        return List.of(new Link("yearly-ranking-link", "region.yearly.link",
                "/region/yearly-ranking?year=" + evaluation.period().year() + "&type=" + evaluation.unitType().name()));
    }
}
