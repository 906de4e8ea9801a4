package org.meridian.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.exam.RepeatFigure;
import org.meridian.exam.RepeatFigures;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The regulator's workbench (监管工作台): a page of the region's hospitals, each with its latest published evaluation
 * and its repeat-examination figures in a period. Read only, aggregates only. A hospital's repeat figures over fewer
 * records than {@code meridian.region.min-records} (default 5) are suppressed, so that a small count does not point
 * at a few people.
 */
@Service
public class RegionOverview {

    /** The filters of the workbench; null means "all". */
    public record Query(Period period, String text, UnitType type, String district) {
        public Query {
            java.util.Objects.requireNonNull(period, "period");
        }
    }

    private final Hospitals hospitals;
    private final EvaluationResults evaluations;
    private final RepeatFigures repeats;
    private final int minRecords;

    RegionOverview(Hospitals hospitals, EvaluationResults evaluations, RepeatFigures repeats,
                   @Value("${meridian.region.min-records:5}") int minRecords) {
        this.hospitals = hospitals;
        this.evaluations = evaluations;
        this.repeats = repeats;
        this.minRecords = minRecords;
    }

    public static boolean sees(Actor actor) {
        return actor.isSystem() || actor.roles().contains(Role.REGULATOR);
    }

    public int minRecords() {
        return minRecords;
    }

    /** A page of the region's hospitals by code with their figures. */
    public Paged<HospitalFigures> hospitals(Actor actor, Query q, int page, int size) {
        RegionVisibility.require(sees(actor), actor, "read the regulator's workbench");
        Paged<HospitalProfile> shown = hospitals.inRegion(hospitals.regionOf(actor.hospitalId()), q.text(), q.type(),
                q.district(), page, size);
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal> costs = new HashMap<>();
        for (RepeatFigure f : repeats.figures(actor, new RepeatFigures.Query(q.period(), null, null, null, null),
                false)) {
            long[] c = counts.computeIfAbsent(f.institution().hospital(), k -> new long[2]);
            c[0] += f.records();
            c[1] += f.repeats();
            costs.merge(f.institution().hospital(), f.avoidableCost(), BigDecimal::add);
        }
        List<HospitalFigures> rows = shown.items().stream().map(h -> {
            long[] c = counts.getOrDefault(h.code(), new long[2]);
            HospitalFigures.Repeats r = null;
            if (c[0] >= minRecords) {
                r = new HospitalFigures.Repeats(c[0], c[1],
                        BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP),
                        costs.get(h.code()));
            }
            return new HospitalFigures(h, latestPublished(h.id()).orElse(null), r, c[0]);
        }).toList();
        return new Paged<>(rows, shown.page(), shown.size(), shown.total());
    }

    private Optional<HospitalFigures.Published> latestPublished(long hospitalId) {
        Actor reader = Actor.system(hospitalId, "region-overview");
        return evaluations.search(reader, null, null, 0, 50).items().stream().filter(Evaluation::published)
                .findFirst().map(e -> {
                    List<UnitScorecard> cards = evaluations.allScorecards(reader, e.id());
                    List<BigDecimal> totals = cards.stream().map(UnitScorecard::total)
                            .filter(java.util.Objects::nonNull).toList();
                    BigDecimal mean = totals.isEmpty() ? null : totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(totals.size()), 1, RoundingMode.HALF_UP);
                    BigDecimal best = totals.stream().max(BigDecimal::compareTo)
                            .map(b -> b.setScale(1, RoundingMode.HALF_UP)).orElse(null);
                    return new HospitalFigures.Published(e.period(), e.unitType(), cards.size(), mean, best,
                            e.publishedAt());
                });
    }
}
