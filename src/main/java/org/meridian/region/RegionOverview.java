package org.meridian.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.exam.HospitalFigure;
import org.meridian.exam.HospitalRepeats;
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
 * and its repeat-examination figures in a period. Read only, aggregates only. Repeat figures that cover fewer
 * distinct patients than {@code meridian.region.min-records} (default 5) are suppressed, so that a small count does
 * not point at a few people: a hospital's by its patients of the period (kept exactly); a district's by the
 * patients of its hospitals together (at least the largest hospital's, at most their sum, counted exactly only when
 * those bounds do not decide); an item at one hospital by the largest of its rows per institution and month (a
 * bound from below, so such a row may be suppressed though its patients together reach the threshold).
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
        Map<Long, Tally> tallies = tallies(actor, q.period());
        Map<String, RegionCentre.Standing> standings = centre.standings(actor);
        Map<Long, HospitalFigures.Published> published = latestPublished(reader(actor), shown.items());
        List<HospitalFigures> rows = shown.items().stream().map(h -> figures(h, tallies, published, standings))
                .toList();
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
        Map<Long, Tally> tallies = tallies(actor, period);
        Map<Long, Evaluation> published = firstPublished(reader(actor), all.stream().map(HospitalProfile::id).toList());
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
        byDistrict.forEach((d, hs) -> out.add(district(actor, period, d, hs, tallies, published, reported)));
        if (!without.isEmpty()) {
            out.add(district(actor, period, null, without, tallies, published, reported));
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
        Map<String, InstitutionFigures.Item> items = new java.util.TreeMap<>();
        java.util.Set<String> enough = new java.util.HashSet<>();
        for (HospitalFigure f : repeats.perItem(reader(actor), period, h.id())) {
            items.put(f.item(), new InstitutionFigures.Item(f.item(), f.itemName(), f.records(), f.repeats(),
                    Rate.of(f.repeats(), f.records()).fraction(), f.avoidableCost()));
            if (f.patients() >= minRecords) {
                enough.add(f.item());
            }
        }
        Tally tally = repeats.hospitalTotal(reader(actor), period, h.id()).map(Tally::of).orElse(Tally.NONE);
        List<InstitutionFigures.Item> shown = items.values().stream().filter(i -> enough.contains(i.code())).toList();
        DataCompleteness.Row row = completeness.rows(actor, List.of(h), completeness.window(actor)).get(0);
        return new InstitutionFigures(figures(h, Map.of(h.id(), tally), latestPublished(reader(actor), List.of(h)),
                centre.standings(actor)), shown, items.size() - shown.size(), row);
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

    /**
     * Records, repeats and avoidable cost added up, and the distinct patients they cover: at least {@code patients}
     * (the largest of the parts') and at most {@code patientsAtMost} (the parts' sum); equal for one hospital.
     */
    private record Tally(long records, long repeats, BigDecimal cost, long patients, long patientsAtMost) {

        static final Tally NONE = new Tally(0, 0, BigDecimal.ZERO, 0, 0);

        static Tally of(HospitalRepeats f) {
            return new Tally(f.records(), f.repeats(), f.avoidableCost(), f.patients(), f.patients());
        }

        Tally plus(Tally o) {
            return new Tally(records + o.records, repeats + o.repeats, cost.add(o.cost), Math.max(patients, o.patients),
                    patientsAtMost + o.patientsAtMost);
        }

        /** Whether the bounds leave open whether the patients reach {@code min}. */
        boolean undecided(int min) {
            return patients < min && patientsAtMost >= min;
        }

        Tally withPatients(long exact) {
            return new Tally(records, repeats, cost, exact, exact);
        }

        HospitalFigures.Repeats shown(int min) {
            return patients < min ? null : new HospitalFigures.Repeats(records, repeats,
                    Rate.of(repeats, records).fraction(), cost);
        }
    }

    /** The region's figures are read as Meridian on behalf of a reader of the region. */
    private static Actor reader(Actor actor) {
        return Actor.system(actor.hospitalId(), "region-overview");
    }

    /**
     * Each hospital's repeat figures of the period, over its institutions and the catalogue's items, with its distinct
     * patients, by hospital id: added up by the database from the kept monthly figures and patient counts (one row
     * per hospital).
     */
    private Map<Long, Tally> tallies(Actor actor, Period period) {
        Map<Long, Tally> tallies = new HashMap<>();
        repeats.hospitalTotals(reader(actor), YearMonth.from(period.firstDay()), YearMonth.from(period.lastDay()), false)
                .forEach(f -> tallies.put(f.hospitalId(), Tally.of(f)));
        return tallies;
    }

    private HospitalFigures figures(HospitalProfile h, Map<Long, Tally> tallies,
                                    Map<Long, HospitalFigures.Published> published,
                                    Map<String, RegionCentre.Standing> standings) {
        Tally t = tallies.getOrDefault(h.id(), Tally.NONE);
        return new HospitalFigures(h, published.get(h.id()), t.shown(minRecords), t.records(),
                standings.get(h.code()));
    }

    private DistrictFigures district(Actor actor, Period period, String name, List<HospitalProfile> hs,
                                     Map<Long, Tally> tallies, Map<Long, Evaluation> firstPublished,
                                     Map<Long, DataCompleteness.Row> reported) {
        Tally t = Tally.NONE;
        int published = 0;
        int eventGaps = 0;
        int statisticGaps = 0;
        for (HospitalProfile h : hs) {
            t = t.plus(tallies.getOrDefault(h.id(), Tally.NONE));
            published += firstPublished.containsKey(h.id()) ? 1 : 0;
            DataCompleteness.Row r = reported.get(h.id());
            eventGaps += r.eventGaps();
            statisticGaps += r.statisticGaps();
        }
        if (t.undecided(minRecords)) {
            // only when every hospital of the district has fewer patients than the threshold (a quiet period)
            t = t.withPatients(repeats.patientsOf(reader(actor), period,
                    hs.stream().map(HospitalProfile::id).toList()));
        }
        return new DistrictFigures(name, hs.size(), published, t.shown(minRecords), t.records(), eventGaps,
                statisticGaps);
    }

    /** A hospital's latest published evaluation with its scorecards' figures, or empty. */
    Optional<HospitalFigures.Published> latestPublished(long hospitalId) {
        return firstPublished(Actor.system(hospitalId, "region-overview"), List.of(hospitalId)).values().stream()
                .findFirst().map(e -> published(hospitalId, e));
    }

    /** {@link #latestPublished(long)} of each of these hospitals that has one, by hospital id. */
    private Map<Long, HospitalFigures.Published> latestPublished(Actor reader, List<HospitalProfile> hs) {
        Map<Long, HospitalFigures.Published> out = new HashMap<>();
        firstPublished(reader, hs.stream().map(HospitalProfile::id).toList())
                .forEach((id, e) -> out.put(id, published(id, e)));
        return out;
    }

    /**
     * The evaluation each of these hospitals shows as its latest published one, by hospital id: the first published of
     * the 50 its evaluation list shows first (newest period first). One query for all of them.
     */
    private Map<Long, Evaluation> firstPublished(Actor reader, List<Long> hospitalIds) {
        return evaluations.firstPublishedOfEach(reader, hospitalIds, 50);
    }

    private HospitalFigures.Published published(long hospitalId, Evaluation e) {
        List<UnitScorecard> cards = evaluations.ranking(Actor.system(hospitalId, "region-overview"), e.id());
        List<BigDecimal> totals = cards.stream().map(UnitScorecard::total)
                .filter(java.util.Objects::nonNull).toList();
        BigDecimal mean = totals.isEmpty() ? null : totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(totals.size()), 1, RoundingMode.HALF_UP);
        BigDecimal best = totals.stream().max(BigDecimal::compareTo)
                .map(b -> b.setScale(1, RoundingMode.HALF_UP)).orElse(null);
        return new HospitalFigures.Published(e.period(), e.unitType(), cards.size(), mean, best, e.publishedAt());
    }
}
