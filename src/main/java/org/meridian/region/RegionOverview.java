package org.meridian.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
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
import org.meridian.shared.Rate;
import org.meridian.shared.problem.NotFoundException;
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
    private final DataCompleteness completeness;
    private final RegionCentre centre;
    private final int minRecords;

    RegionOverview(Hospitals hospitals, EvaluationResults evaluations, RepeatFigures repeats,
                   DataCompleteness completeness, RegionCentre centre,
                   @Value("${meridian.region.min-records:5}") int minRecords) {
        this.hospitals = hospitals;
        this.centre = centre;
        this.completeness = completeness;
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
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the regulator's workbench");
        Paged<HospitalProfile> shown = hospitals.inRegion(hospitals.regionOf(actor.hospitalId()), q.text(), q.type(),
                q.district(), page, size);
        Map<String, Tally> tallies = tallies(actor, q.period());
        Map<String, RegionCentre.Standing> standings = centre.standings(actor);
        List<HospitalFigures> rows = shown.items().stream().map(h -> figures(h, tallies, standings)).toList();
        return new Paged<>(rows, shown.page(), shown.size(), shown.total());
    }

    /** Every hospital of the query by code with its figures, for a workbook (not only a page). */
    public List<HospitalFigures> allHospitals(Actor actor, Query q) {
        List<HospitalFigures> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Paged<HospitalFigures> p = hospitals(actor, q, page, Paged.MAX_SIZE);
            all.addAll(p.items());
            if ((long) (page + 1) * Paged.MAX_SIZE >= p.total()) {
                return all;
            }
        }
    }

    /**
     * The region's districts (区县) in order, each with its hospitals' figures added up: the repeat figures of the
     * period over all its hospitals (suppressed below the threshold, as a hospital's are), how many of its hospitals
     * have published an evaluation, and the months of the completeness window without events or statistics. The
     * hospitals without a district make the last row, with a null district.
     */
    public List<DistrictFigures> districts(Actor actor, Period period) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's districts");
        long region = hospitals.regionOf(actor.hospitalId());
        List<HospitalProfile> all = everyHospital(hospitals, region, null, null, null);
        Map<String, Tally> tallies = tallies(actor, period);
        Map<Long, DataCompleteness.Row> reported = new HashMap<>();
        completeness.rows(actor, all, completeness.window(actor)).forEach(r -> reported.put(r.hospital().id(), r));
        Map<String, List<HospitalProfile>> byDistrict = new java.util.TreeMap<>();
        List<HospitalProfile> without = new ArrayList<>();
        for (HospitalProfile h : all) {
            if (h.district() == null) {
                without.add(h);
            } else {
                byDistrict.computeIfAbsent(h.district(), k -> new ArrayList<>()).add(h);
            }
        }
        List<DistrictFigures> out = new ArrayList<>();
        byDistrict.forEach((d, hs) -> out.add(district(d, hs, tallies, reported)));
        if (!without.isEmpty()) {
            out.add(district(null, without, tallies, reported));
        }
        return out;
    }

    /**
     * One hospital of the region as the drill-down ends: its figures as on the workbench, its repeat figures per
     * catalogue item in the period (an item performed fewer times than the threshold there is left out and counted
     * in {@code hiddenItems}), and its completeness row.
     *
     * @throws NotFoundException for an unknown code or a hospital of another region
     */
    public InstitutionFigures institution(Actor actor, String code, Period period) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's hospitals");
        long region = hospitals.regionOf(actor.hospitalId());
        HospitalProfile h = hospitals.findInRegion(region, code)
                .orElseThrow(() -> new NotFoundException("region", "hospital", code, "region.problem.hospitalNotFound"));
        Map<String, Tally> tallies = tallies(actor, period);
        Map<String, InstitutionFigures.Item> items = new java.util.TreeMap<>();
        for (RepeatFigure f : regionFigures(actor, period)) {
            if (f.institution().hospital().equals(h.code())) {
                InstitutionFigures.Item it = items.getOrDefault(f.item(),
                        new InstitutionFigures.Item(f.item(), f.itemName(), 0, 0, BigDecimal.ZERO, BigDecimal.ZERO));
                long records = it.records() + f.records();
                long reps = it.repeats() + f.repeats();
                items.put(f.item(), new InstitutionFigures.Item(f.item(), f.itemName(), records, reps,
                        Rate.of(reps, records).fraction(),
                        it.avoidableCost().add(f.avoidableCost())));
            }
        }
        List<InstitutionFigures.Item> shown = items.values().stream().filter(i -> i.records() >= minRecords).toList();
        DataCompleteness.Row row = completeness.rows(actor, List.of(h), completeness.window(actor)).get(0);
        return new InstitutionFigures(figures(h, tallies, centre.standings(actor)), shown, items.size() - shown.size(), row);
    }

    /** Every hospital of a region that matches, by code, read a page at a time. */
    static List<HospitalProfile> everyHospital(Hospitals hospitals, long region, String text, UnitType type,
                                               String district) {
        List<HospitalProfile> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Paged<HospitalProfile> p = hospitals.inRegion(region, text, type, district, page, Paged.MAX_SIZE);
            all.addAll(p.items());
            if (!p.hasNext()) {
                return all;
            }
        }
    }

    /** Records, repeats and avoidable cost added up. */
    private record Tally(long records, long repeats, BigDecimal cost) {

        static final Tally NONE = new Tally(0, 0, BigDecimal.ZERO);

        Tally plus(Tally o) {
            return new Tally(records + o.records, repeats + o.repeats, cost.add(o.cost));
        }

        HospitalFigures.Repeats shown(int min) {
            return records < min ? null : new HospitalFigures.Repeats(records, repeats,
                    Rate.of(repeats, records).fraction(), cost);
        }
    }

    /** The region's repeat figures of the period, read as Meridian on behalf of a reader of the region. */
    private List<RepeatFigure> regionFigures(Actor actor, Period period) {
        return repeats.figures(Actor.system(actor.hospitalId(), "region-overview"),
                new RepeatFigures.Query(period, null, null, null, null), false);
    }

    private Map<String, Tally> tallies(Actor actor, Period period) {
        Map<String, Tally> tallies = new HashMap<>();
        for (RepeatFigure f : regionFigures(actor, period)) {
            tallies.merge(f.institution().hospital(), new Tally(f.records(), f.repeats(), f.avoidableCost()),
                    Tally::plus);
        }
        return tallies;
    }

    private HospitalFigures figures(HospitalProfile h, Map<String, Tally> tallies,
                                    Map<String, RegionCentre.Standing> standings) {
        Tally t = tallies.getOrDefault(h.code(), Tally.NONE);
        return new HospitalFigures(h, latestPublished(h.id()).orElse(null), t.shown(minRecords), t.records(),
                standings.get(h.code()));
    }

    private DistrictFigures district(String name, List<HospitalProfile> hs, Map<String, Tally> tallies,
                                     Map<Long, DataCompleteness.Row> reported) {
        Tally t = Tally.NONE;
        int published = 0;
        int eventGaps = 0;
        int statisticGaps = 0;
        for (HospitalProfile h : hs) {
            t = t.plus(tallies.getOrDefault(h.code(), Tally.NONE));
            published += latestPublished(h.id()).isPresent() ? 1 : 0;
            DataCompleteness.Row r = reported.get(h.id());
            eventGaps += r.eventGaps();
            statisticGaps += r.statisticGaps();
        }
        return new DistrictFigures(name, hs.size(), published, t.shown(minRecords), t.records(), eventGaps,
                statisticGaps);
    }

    Optional<HospitalFigures.Published> latestPublished(long hospitalId) {
        Actor reader = Actor.system(hospitalId, "region-overview");
        return evaluations.search(reader, null, null, 0, 50).items().stream().filter(Evaluation::published)
                .findFirst().map(e -> {
                    List<UnitScorecard> cards = evaluations.ranking(reader, e.id());
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
