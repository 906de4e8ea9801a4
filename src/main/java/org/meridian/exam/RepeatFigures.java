package org.meridian.exam;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.Rate;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.Paged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The repeat figures (重复检查率与可避免费用) per institution and catalogue item, for a period or month by month, and
 * the list of repeats. A hospital's staff see their own hospital's institutions; a regulator sees every hospital of
 * the region but never the list of records ({@link ExamVisibility}). Filters name an institution as docs/exams.md
 * says, a catalogue item by code, an alliance by code.
 *
 * <p><b>Small numbers</b>: a regulator's row (and total) that covers fewer distinct patients than
 * {@code meridian.region.min-records} (default 5) is suppressed ({@link RepeatFigure#suppressed()}, its figures
 * null). A month's row knows its patients exactly (kept per institution × item × month); a row of several months is
 * shown only when one of its months alone reaches the threshold, since the patients of several months are at least
 * the largest month's and at most their sum. A hospital's staff see their own rows as they are; Meridian (a system
 * actor, for the region's own sums) reads every row unsuppressed with its patients.
 */
@Service
public class RepeatFigures {

    /** The filters of the figures and of the list; null means "all". */
    public record Query(Period period, String institution, String item, String alliance, Outcome outcome) {
        public Query {
            java.util.Objects.requireNonNull(period, "period");
        }
    }

    private final ExamRecords records;
    private final ExamFigures sums;
    private final ExamItems items;
    private final Institutions institutions;
    private final AllianceRegistry alliances;
    private final Hospitals hospitals;
    private final int minPatients;

    /** The figures' rows and their total (institution, item and month null), each suppressed or not. */
    public record Table(List<RepeatFigure> rows, RepeatFigure total) {
    }

    RepeatFigures(ExamRecords records, ExamFigures sums, ExamItems items, Institutions institutions,
                  AllianceRegistry alliances, Hospitals hospitals,
                  @Value("${meridian.region.min-records:5}") int minPatients) {
        this.minPatients = minPatients;
        this.records = records;
        this.sums = sums;
        this.items = items;
        this.institutions = institutions;
        this.alliances = alliances;
        this.hospitals = hospitals;
    }

    /**
     * What the rows of a query add up to: how many rows, records, repeats, same-institution repeats and cost; for a
     * regulator, suppressed (every figure null) when no row covers as many patients as the threshold, as
     * {@link #table}'s total is.
     */
    public record Totals(long rows, Long records, Long repeats, Long sameInstitutionRepeats,
                         BigDecimal avoidableCost, boolean suppressed) {
    }

    /** One page of the figures' rows and the totals of all of them. */
    public record FigurePage(Paged<RepeatFigure> rows, Totals totals) {
    }

    /**
     * One row per (institution, catalogue item) with at least one record in the period, or per (institution, item,
     * month) when {@code byMonth}; by hospital, institution, item and month.
     */
    public List<RepeatFigure> figures(Actor actor, Query q, boolean byMonth) {
        return table(actor, q, byMonth).rows();
    }

    /** The fewest distinct patients of an aggregate a regulator sees ({@code meridian.region.min-records}). */
    public int minPatients() {
        return minPatients;
    }

    /**
     * {@link #figures} with their total: records, repeats and costs added up over every row (suppressed or not), and
     * at least as many patients as the largest row's, suppressed for a regulator as a row is.
     */
    public Table table(Actor actor, Query q, boolean byMonth) {
        Scope s = scope(actor, q, byMonth);
        Map<String, ExamItem> catalogue = items.byCode(s.region());
        Institutions.Namer namer = institutions.namer();
        List<ExamRecords.Count> counts = records.counts(s.region(), s.query());
        namer.readAhead(counts.stream().map(ExamRecords.Count::institution).toList());
        boolean suppresses = ExamVisibility.suppressesSmallNumbers(actor);
        List<RepeatFigure> rows = new ArrayList<>();
        long records = 0;
        long repeats = 0;
        long same = 0;
        long patients = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (ExamRecords.Count c : counts) {
            ExamItem item = catalogue.get(c.item());
            BigDecimal rowCost = item.price().multiply(BigDecimal.valueOf(c.repeats()));
            RepeatFigure row = figure(namer.name(c.institution()), c.item(), item.name(),
                    c.month() == null ? null : YearMonth.from(c.month()), c.records(), c.repeats(), c.same(), rowCost,
                    c.patients());
            rows.add(suppresses && row.patients() < minPatients ? row.suppress() : row);
            records += c.records();
            repeats += c.repeats();
            same += c.same();
            patients = Math.max(patients, c.patients());
            cost = cost.add(rowCost);
        }
        RepeatFigure total = figure(null, null, null, null, records, repeats, same, cost, patients);
        // no record is no one to point at: an empty total stays 0
        return new Table(rows, suppresses && records > 0 && patients < minPatients ? total.suppress() : total);
    }

    private static RepeatFigure figure(NamedInstitution institution, String item, String itemName, YearMonth month,
                                       long records, long repeats, long same, BigDecimal cost, long patients) {
        BigDecimal rate = records == 0 ? BigDecimal.ZERO : Rate.of(repeats, records).fraction();
        return new RepeatFigure(institution, item, itemName, month, records, repeats, same, rate, cost, patients,
                false);
    }


    /**
     * The figures month by month as {@link #figures} lists them, one page of their rows with the totals of them all:
     * the database adds the totals up and sorts and cuts the page, so that a regulator's year (500 hospitals × items
     * × months: some 33,000 rows) is one aggregate and 25 rows, never every row. A page past the last is the last
     * (a page number kept from a longer list never shows an empty table under the totals).
     */
    public FigurePage page(Actor actor, Query q, int page, int size) {
        Paged.check(page, size);
        Scope s = scope(actor, q, true);
        ExamRecords.CountTotals t = records.countTotals(s.region(), s.query());
        int shown = Paged.within(page, size, t.rows());
        boolean suppresses = ExamVisibility.suppressesSmallNumbers(actor);
        List<RepeatFigure> rows = named(s.region(), records.counts(s.region(), s.query(), (long) shown * size, size))
                .stream().map(r -> suppresses && r.patients() < minPatients ? r.suppress() : r).toList();
        // no record is no one to point at: an empty total stays 0
        boolean hidden = suppresses && t.records() > 0 && t.patients() < minPatients;
        return new FigurePage(new Paged<>(rows, shown, size, t.rows()), hidden
                ? new Totals(t.rows(), null, null, null, null, true)
                : new Totals(t.rows(), t.records(), t.repeats(), t.same(), t.avoidableCost(), false));
    }

    /** The region and the figures a reader may see of a query: its own hospital's, or a regulator's whole region. */
    private record Scope(long region, ExamRecords.FigureQuery query) {
    }

    private Scope scope(Actor actor, Query q, boolean byMonth) {
        ExamVisibility.require(ExamVisibility.seesFigures(actor), actor, "read repeat figures");
        Hospital own = hospitals.find(actor.hospitalId()).orElseThrow();
        long region = hospitals.regionOf(own.id());
        Filters f = filters(actor, region, own, q);
        return new Scope(region, new ExamRecords.FigureQuery(first(q.period()), last(q.period()),
                ExamVisibility.seesRegion(actor) ? null : own.id(), f.institution(), f.item(), f.alliance(), byMonth));
    }

    /** The counted rows with their institutions' names, their items' names and the rate and cost of each. */
    private List<RepeatFigure> named(long region, List<ExamRecords.Count> counts) {
        Map<String, ExamItem> catalogue = items.byCode(region);
        Institutions.Namer namer = institutions.namer();
        namer.readAhead(counts.stream().map(ExamRecords.Count::institution).toList());
        List<RepeatFigure> rows = new ArrayList<>();
        for (ExamRecords.Count c : counts) {
            ExamItem item = catalogue.get(c.item());
            rows.add(figure(namer.name(c.institution()), c.item(), item.name(),
                    c.month() == null ? null : YearMonth.from(c.month()), c.records(), c.repeats(), c.same(),
                    item.price().multiply(BigDecimal.valueOf(c.repeats())), c.patients()));
        }
        return rows;
    }

    /**
     * The region's figures per hospital for the months from–to (both included), or per hospital and month with {@code byMonth}, counting
     * the distinct patients too (never naming them). Only for a reader of the whole region (a regulator, or Meridian
     * acting for the region's pages).
     */
    public List<HospitalRepeats> hospitalTotals(Actor actor, YearMonth from, YearMonth to, boolean byMonth) {
        ExamVisibility.require(ExamVisibility.seesRegion(actor), actor, "read the region's repeat figures");
        long region = hospitals.regionOf(actor.hospitalId());
        return records.hospitalTotals(region, from.atDay(1), to.atDay(1), byMonth);
    }

    /** {@link #hospitalTotals} of one hospital of the region for a period; empty without records. */
    public java.util.Optional<HospitalRepeats> hospitalTotal(Actor actor, Period period, long hospitalId) {
        ExamVisibility.require(ExamVisibility.seesRegion(actor), actor, "read the region's repeat figures");
        long region = hospitals.regionOf(actor.hospitalId());
        return records.hospitalTotals(region, first(period), last(period), false, hospitalId).stream().findFirst();
    }

    /**
     * The distinct patients of the catalogue's items at any of these hospitals in the period, counted from the months
     * kept per hospital and patient: for a union of hospitals (a district) whose kept counts only bound it. Reads a
     * row per patient of those hospitals in the period's year, so callers ask only when every hospital's own count is
     * small. Only for a reader of the whole region.
     */
    public long patientsOf(Actor actor, Period period, java.util.Collection<Long> hospitalIds) {
        ExamVisibility.require(ExamVisibility.seesRegion(actor), actor, "read the region's repeat figures");
        int mask = 0;
        for (int m = period.firstDay().getMonthValue(); m <= period.lastDay().getMonthValue(); m++) {
            mask |= 1 << (m - 1);
        }
        return records.patientsOf(hospitals.regionOf(actor.hospitalId()), hospitalIds, period.firstDay().getYear(),
                mask);
    }

    /**
     * {@link #hospitalTotals(Actor, YearMonth, YearMonth, boolean)} for each of these periods, read at once (one
     * query over the monthly figures and the kept patient counts: a ranking's period and the one before, a trend's
     * twelve months): by period in the order given, each by hospital id, a hospital without records in it left out.
     * When every period is a month, each row names its month. Only for a reader of the whole region.
     */
    public Map<Period, List<HospitalRepeats>> hospitalTotals(Actor actor, List<Period> periods) {
        ExamVisibility.require(ExamVisibility.seesRegion(actor), actor, "read the region's repeat figures");
        long region = hospitals.regionOf(actor.hospitalId());
        List<ExamRecords.Span> spans = periods.stream().map(p -> new ExamRecords.Span(first(p), last(p))).toList();
        boolean monthly = periods.stream().allMatch(p -> p.kind() == Period.Kind.MONTH);
        List<List<HospitalRepeats>> totals = records.hospitalTotals(region, spans, monthly);
        Map<Period, List<HospitalRepeats>> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            out.put(periods.get(i), totals.get(i));
        }
        return out;
    }

    /**
     * One hospital's figures of the period per catalogue item, over its institutions (the rows of {@link #figures}
     * of that hospital added up per item), by item code; empty for a hospital of another region. Only for a reader of
     * the whole region.
     */
    public List<HospitalFigure> perItem(Actor actor, Period period, long hospitalId) {
        ExamVisibility.require(ExamVisibility.seesRegion(actor), actor, "read the region's repeat figures");
        return sums.sums(hospitals.regionOf(actor.hospitalId()), first(period), last(period), hospitalId, true);
    }

    /** One page of the repeats of the actor's own hospital, latest first; never for a regulator. */
    public Paged<RepeatRecord> repeats(Actor actor, Query q, int page, int size) {
        ExamVisibility.require(ExamVisibility.seesRecords(actor), actor, "read the list of repeat records");
        Paged.check(page, size);
        Hospital own = hospitals.find(actor.hospitalId()).orElseThrow();
        long region = hospitals.regionOf(own.id());
        Filters f = filters(actor, region, own, q);
        Map<String, ExamItem> catalogue = items.byCode(region);
        Institutions.Namer namer = institutions.namer();
        List<RepeatRecord> list = records.repeats(region, first(q.period()), last(q.period()), own.id(),
                f.institution(), f.item(), q.outcome(), (long) page * size, size).stream().map(l -> {
                    ExamItem item = catalogue.get(l.item());
                    return new RepeatRecord(l.recordId(), namer.name(l.institution()), l.item(),
                            item == null ? l.item() : item.name(), l.performedAt(), l.outcome(),
                            l.earlier() == null ? null : namer.name(l.earlier()), l.earlierAt(), l.earlierRecordId());
                }).toList();
        long total = records.countRepeats(region, first(q.period()), last(q.period()), own.id(), f.institution(),
                f.item(), q.outcome());
        return new Paged<>(list, page, size, total);
    }

    /**
     * The institutions the actor may filter by: its own hospital and the institutions it registered, or for a
     * regulator those of every hospital of the region.
     */
    public List<NamedInstitution> institutions(Actor actor) {
        ExamVisibility.require(ExamVisibility.seesFigures(actor), actor, "read repeat figures");
        Hospital own = hospitals.find(actor.hospitalId()).orElseThrow();
        if (!ExamVisibility.seesRegion(actor)) {
            return institutions.of(own);
        }
        return institutions.of(institutions.hospitalsOf(hospitals.regionOf(own.id())));
    }

    private record Filters(Institution institution, String item, Long alliance) {
    }

    private Filters filters(Actor actor, long region, Hospital own, Query q) {
        List<Problem> problems = new ArrayList<>();
        Institution institution = null;
        String inst = ExamItemDraft.strip(q.institution());
        if (inst != null) {
            institution = institutions.inRegion(region, own, inst).orElse(null);
            if (institution == null) {
                problems.add(Problem.of("institution", "exam.error.unknownRegionInstitution", inst));
            }
        }
        String item = ExamItemDraft.strip(q.item());
        if (item != null && items.find(region, item).isEmpty()) {
            problems.add(Problem.of("item", "exam.error.unknownItem", item));
        }
        Long alliance = null;
        String a = ExamItemDraft.strip(q.alliance());
        if (a != null) {
            alliance = alliances.idOf(actor, a).orElse(null);
            if (alliance == null) {
                problems.add(Problem.of("alliance", "exam.error.unknownAlliance", a));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("exam", problems);
        }
        return new Filters(institution, item, alliance);
    }

    private static LocalDate first(Period p) {
        return p.firstDay().withDayOfMonth(1);
    }

    private static LocalDate last(Period p) {
        return p.lastDay().withDayOfMonth(1);
    }
}
