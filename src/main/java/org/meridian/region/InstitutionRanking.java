package org.meridian.region;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.meridian.exam.HospitalRepeats;
import org.meridian.exam.RepeatFigures;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.Rate;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The ranking of the region's institutions (机构排名) by their repeat examinations, and each institution's trend.
 * Region-wide, aggregates only, read by a regulator or the region administrator.
 * <ul>
 * <li><b>The group</b> ranked together is every hospital of the reader's region of the chosen type and district
 * (all when none is chosen); the text filter only narrows the rows shown, never the ranks.</li>
 * <li><b>Who is ranked</b>: a hospital whose records of catalogue items in the period belong to at least
 * {@code meridian.region.min-records} (default 5) distinct patients. Below that its figures are suppressed and it is
 * listed unranked ("少于 5 人"), so that a rank never rests on a few people; one without records is listed as such.</li>
 * <li><b>The measure</b>: the repeat rate (repeats / records) or the avoidable cost (CNY), the lowest first. Rates
 * are compared exactly (a/b &lt; c/d as a·d &lt; c·b), not as rounded per cent. Equal values share a rank and the
 * next rank skips (1, 2, 2, 4: "standard competition ranking"); equal ones are listed by code.</li>
 * <li><b>The change</b> compares with the rank in the period just before (same kind: 2026-10 with 2026-09, 2026-Q4
 * with 2026-Q3) in the same group.</li>
 * </ul>
 */
@Service
public class InstitutionRanking {

    /** What the institutions are ranked by; the lowest value ranks first. */
    public enum Measure {
        /** 重复检查率: repeats / records. */
        RATE,
        /** 可避免费用: Σ the item's price over the repeats, CNY. */
        COST
    }

    /** Where an institution stands in a ranking. */
    public enum Standing {
        RANKED,
        /** Records of fewer distinct patients than the threshold: figures suppressed, not ranked. */
        TOO_FEW,
        /** No record of a catalogue item in the period. */
        NO_RECORDS
    }

    /** The filters; {@code text}, {@code type} and {@code district} null for all. */
    public record Query(Period period, Measure measure, String text, UnitType type, String district) {
        public Query {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(measure, "measure");
        }
    }

    /**
     * One institution in the ranking: its rank (null unless ranked), its rank in the period before (null when it
     * was not ranked then) and its figures (null when suppressed or none).
     */
    public record Entry(HospitalProfile hospital, Standing standing, Integer rank, Integer previousRank,
                        HospitalFigures.Repeats repeats, Long patients) {

        /** Places moved up since the period before (negative: down), null without both ranks. */
        public Integer change() {
            return rank == null || previousRank == null ? null : previousRank - rank;
        }
    }

    /** A ranking: how many of the group were ranked, the group's size, and the rows shown. */
    public record Ranking(Period period, Measure measure, int ranked, int group, List<Entry> entries) {
    }

    /**
     * One month of an institution's trend: its repeat rate (null when suppressed or without records), its rank by
     * repeat rate among the region's ranked hospitals that month (null when not ranked) and how many were ranked,
     * and the rate of the ranked hospitals together (null when none was ranked); rates as their counts.
     */
    public record TrendPoint(YearMonth month, Rate rate, Integer rank, int ranked, Rate regionRate) {
    }

    private final Hospitals hospitals;
    private final RepeatFigures repeats;
    private final int minPatients;

    InstitutionRanking(Hospitals hospitals, RepeatFigures repeats,
                       @Value("${meridian.region.min-records:5}") int minPatients) {
        this.hospitals = hospitals;
        this.repeats = repeats;
        this.minPatients = minPatients;
    }

    public int minPatients() {
        return minPatients;
    }

    /** The whole ranking (every row that matches), ranked first, then the unranked by code. */
    public Ranking rank(Actor actor, Query q) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's rankings");
        long region = hospitals.regionOf(actor.hospitalId());
        List<HospitalProfile> group = RegionOverview.everyHospital(hospitals, region, null, q.type(), q.district());
        Set<Long> shown = q.text() == null ? null
                : RegionOverview.everyHospital(hospitals, region, q.text(), q.type(), q.district()).stream()
                .map(HospitalProfile::id).collect(Collectors.toSet());
        // the period and the one before in one reading of the figures
        Map<Period, Map<Long, HospitalRepeats>> totals = totals(actor, List.of(q.period(), q.period().previous()));
        Map<Long, HospitalRepeats> now = totals.get(q.period());
        Map<Long, HospitalRepeats> before = totals.get(q.period().previous());
        Map<Long, Integer> ranks = ranks(group, now, q.measure());
        Map<Long, Integer> previous = ranks(group, before, q.measure());
        List<Entry> entries = new ArrayList<>();
        for (HospitalProfile h : group) {
            if (shown != null && !shown.contains(h.id())) {
                continue;
            }
            HospitalRepeats t = now.get(h.id());
            Standing standing = t == null ? Standing.NO_RECORDS
                    : t.patients() < minPatients ? Standing.TOO_FEW : Standing.RANKED;
            entries.add(new Entry(h, standing, ranks.get(h.id()), previous.get(h.id()),
                    standing == Standing.RANKED ? figures(t) : null,
                    standing == Standing.RANKED ? t.patients() : null));
        }
        entries.sort(Comparator.comparing(Entry::standing)
                .thenComparing(e -> e.rank() == null ? Integer.MAX_VALUE : e.rank())
                .thenComparing(e -> e.hospital().code()));
        return new Ranking(q.period(), q.measure(), ranks.size(), group.size(), entries);
    }

    /** One page of {@link #rank}. */
    public Paged<Entry> page(Actor actor, Query q, int page, int size) {
        Paged.check(page, size);
        return Paged.slice(rank(actor, q).entries(), page, size);
    }

    /**
     * The institution's last twelve months up to and including {@code last}, each ranked by repeat rate among every
     * hospital of the region.
     *
     * @throws NotFoundException for an unknown code or a hospital of another region
     */
    public List<TrendPoint> trend(Actor actor, String code, YearMonth last) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's rankings");
        long region = hospitals.regionOf(actor.hospitalId());
        HospitalProfile h = hospitals.findInRegion(region, code)
                .orElseThrow(() -> new NotFoundException("region", "hospital", code, "region.problem.hospitalNotFound"));
        List<HospitalProfile> group = RegionOverview.everyHospital(hospitals, region, null, null, null);
        List<Period> months = new ArrayList<>();
        for (YearMonth m = last.minusMonths(11); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(Period.month(m.getYear(), m.getMonthValue()));
        }
        // the twelve months in one reading of the figures
        Map<Period, Map<Long, HospitalRepeats>> byMonth = totals(actor, months);
        List<TrendPoint> points = new ArrayList<>();
        for (Period p : months) {
            YearMonth m = YearMonth.from(p.firstDay());
            Map<Long, HospitalRepeats> month = byMonth.get(p);
            Map<Long, Integer> ranks = ranks(group, month, Measure.RATE);
            long records = 0;
            long reps = 0;
            for (Long id : ranks.keySet()) {
                records += month.get(id).records();
                reps += month.get(id).repeats();
            }
            HospitalRepeats own = month.get(h.id());
            Rate rate = own == null || own.patients() < minPatients ? null : Rate.orNull(own.repeats(), own.records());
            points.add(new TrendPoint(m, rate, ranks.get(h.id()), ranks.size(),
                    ranks.isEmpty() ? null : Rate.of(reps, records)));
        }
        return points;
    }

    /** The ranks of the group's hospitals with enough patients, by hospital id. */
    Map<Long, Integer> ranks(List<HospitalProfile> group, Map<Long, HospitalRepeats> totals, Measure measure) {
        List<HospitalRepeats> ranked = group.stream().map(h -> totals.get(h.id()))
                .filter(t -> t != null && t.patients() >= minPatients && t.records() > 0).toList();
        Comparator<HospitalRepeats> order = measure == Measure.RATE
                ? Comparator.comparing((HospitalRepeats t) -> Rate.of(t.repeats(), t.records()))
                : Comparator.comparing(HospitalRepeats::avoidableCost);
        // sorted once: a hospital's rank is one more than the number ranked strictly before it, the place of the first
        // of its equals (the comparison is exact, so equals sit together)
        List<HospitalRepeats> sorted = new ArrayList<>(ranked);
        sorted.sort(order);
        Map<Long, Integer> ranks = new HashMap<>();
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || order.compare(sorted.get(i - 1), sorted.get(i)) < 0) {
                rank = i + 1;
            }
            ranks.put(sorted.get(i).hospitalId(), rank);
        }
        return ranks;
    }

    /** Each period's figures by hospital id, read at once. */
    private Map<Period, Map<Long, HospitalRepeats>> totals(Actor actor, List<Period> periods) {
        Map<Period, Map<Long, HospitalRepeats>> out = new HashMap<>();
        repeats.hospitalTotals(reader(actor), periods).forEach((p, rows) -> {
            Map<Long, HospitalRepeats> byHospital = new HashMap<>();
            rows.forEach(t -> byHospital.put(t.hospitalId(), t));
            out.put(p, byHospital);
        });
        return out;
    }

    /** The region's figures are read as Meridian on behalf of a reader of the region. */
    private static Actor reader(Actor actor) {
        return Actor.system(actor.hospitalId(), "region-ranking");
    }

    private static HospitalFigures.Repeats figures(HospitalRepeats t) {
        return new HospitalFigures.Repeats(t.records(), t.repeats(), Rate.of(t.repeats(), t.records()).fraction(),
                t.avoidableCost());
    }
}
