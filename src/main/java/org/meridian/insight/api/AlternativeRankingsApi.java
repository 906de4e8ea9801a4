package org.meridian.insight.api;

import org.meridian.insight.RankingComparison;
import org.meridian.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/evaluations/{id}/alternative-rankings}: the alternative rankings of a published evaluation
 * (docs/insight.md), ANALYST and above. A draft answers 409, an evaluation with too little to rank 400.
 */
@RestController
@PreAuthorize("hasRole('ANALYST')")
class AlternativeRankingsApi {

    private final RankingComparison rankings;

    AlternativeRankingsApi(RankingComparison rankings) {
        this.rankings = rankings;
    }

    @GetMapping("/api/v1/evaluations/{id}/alternative-rankings")
    RankingComparison.Comparison get(Actor actor, @PathVariable long id) {
        return rankings.of(actor, id);
    }
}
