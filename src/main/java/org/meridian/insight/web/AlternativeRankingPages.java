package org.meridian.insight.web;

import java.util.Locale;
import java.util.Map;

import org.meridian.evaluation.EvaluationResults;
import org.meridian.insight.RankingComparison;
import org.meridian.insight.RankingComparison.Comparison;
import org.meridian.insight.RankingComparison.Row;
import org.meridian.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The alternative-rankings page of a published evaluation (多方法比较, {@code /evaluations/{id}/alternatives}),
 * linked from its ranking page: TOPSIS and RSR ranks beside the scheme's weighted-sum rank, Spearman's ρ and the
 * channels whose rank moves most. ANALYST and above.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class AlternativeRankingPages {

    private final RankingComparison rankings;
    private final EvaluationResults evaluations;

    AlternativeRankingPages(RankingComparison rankings, EvaluationResults evaluations) {
        this.rankings = rankings;
        this.evaluations = evaluations;
    }

    /** One indicator used, formatted. */
    record CriterionView(String code, String name, String share, boolean lowerIsBetter) {
    }

    /** One channel's row, formatted; {@code rsrRank} and {@code rsr} are "—" when RSR ranks nothing. */
    record RowView(String channel, String name, String region, String total, int weightedRank, String closeness,
                   int topsisRank, String topsisMove, String rsr, String rsrRank, String rsrMove, int largestShift) {
    }

    @GetMapping("/evaluations/{id}/alternatives")
    String page(Actor actor, @PathVariable long id, Model model, Locale locale) {
        Comparison c = rankings.of(actor, id);
        boolean en = locale.getLanguage().equals("en");
        model.addAttribute("activeNav", "evaluations");
        model.addAttribute("comparison", c);
        model.addAttribute("criteria", c.criteria().stream().map(k -> new CriterionView(k.code(),
                en ? k.nameEn() : k.nameZh(), String.format(Locale.ROOT, "%.1f%%", 100 * k.weight()),
                k.direction() == org.meridian.indicator.scoring.Direction.LOWER_IS_BETTER)).toList());
        Map<String, String> names = evaluations.indicatorNames(actor, id, en);
        model.addAttribute("leftOut", c.leftOut().stream().map(code -> names.getOrDefault(code, code)).toList());
        model.addAttribute("rows", c.rows().stream().map(AlternativeRankingPages::view).toList());
        model.addAttribute("most", c.differMost().stream().map(AlternativeRankingPages::view).toList());
        model.addAttribute("topsisRho", rho(c.topsisRho()));
        model.addAttribute("rsrRho", rho(c.rsrRho()));
        return "insight/alternatives";
    }

    private static RowView view(Row r) {
        return new RowView(r.channel(), r.name(), r.region(), r.total().toPlainString(), r.weightedRank(),
                String.format(Locale.ROOT, "%.3f", r.topsisCloseness()), r.topsisRank(),
                move(r.weightedRank(), r.topsisRank()),
                r.rsr() == null ? "—" : String.format(Locale.ROOT, "%.3f", r.rsr()),
                r.rsrRank() == null ? "—" : String.valueOf(r.rsrRank()),
                r.rsrRank() == null ? "" : move(r.weightedRank(), r.rsrRank()), r.largestShift());
    }

    /** "↑ 2" when the alternative ranks the channel 2 places better than the weighted sum, "↓ 1", or "=". */
    static String move(int weighted, int alternative) {
        int d = weighted - alternative;
        return d > 0 ? "↑ " + d : d < 0 ? "↓ " + (-d) : "=";
    }

    /** ρ to two decimals with a true minus sign; null (not defined) stays null. */
    static String rho(Double rho) {
        return rho == null ? null : String.format(Locale.ROOT, "%.2f", rho).replace('-', '−');
    }
}
