package org.meridian.region;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.DimensionScores;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region's yearly ranking of performance and brand (年度绩效与品牌排名, network.md §4): for a year and each
 * institution type, the region's institutions ranked by performance (绩效) and by brand index (品牌指数) over the
 * evaluation centre's published evaluations of that year, combined as {@link YearlyCombination} says. The evaluator
 * (the centre's staff: CHANNEL_MANAGER and up publish, ANALYST and up preview) publishes it; each publication names
 * the evaluations it was made of and so stays as published, and a later one of the same year is its next version.
 * The regulator and the region administrator read the newest published version; a hospital's staff nothing.
 */
@Service
public class YearlyRanking {

    private final Hospitals hospitals;
    private final EvaluationResults evaluations;
    private final YearlyRankings rankings;
    private final AuditLog audit;
    private final Clock clock;

    YearlyRanking(Hospitals hospitals, EvaluationResults evaluations, YearlyRankings rankings, AuditLog audit,
                  Clock clock) {
        this.hospitals = hospitals;
        this.evaluations = evaluations;
        this.rankings = rankings;
        this.audit = audit;
        this.clock = clock;
    }

    /** An institution's year: its name and district as the region keeps them, and both axes. */
    public record Row(String code, String name, String district, YearlyCombination.Axis performance,
                      YearlyCombination.Axis brand) {
    }

    /** One institution type's ranking: the periods it was made of (empty: nothing published that year) and the rows. */
    public record TypeRanking(UnitType type, List<Period> periods, List<Row> rows) {
        public TypeRanking {
            periods = List.copyOf(periods);
            rows = List.copyOf(rows);
        }
    }

    /** Who published which version, and when. */
    public record Publication(int version, Instant publishedAt, String publishedBy) {
    }

    /** A year's ranking of every institution type; {@code publication} is null for the evaluator's preview. */
    public record Year(int year, Publication publication, List<TypeRanking> types) {
        public Year {
            types = List.copyOf(types);
        }

        public boolean isEmpty() {
            return types.stream().allMatch(t -> t.periods().isEmpty());
        }
    }

    /** A year as a person or a client wrote it: four digits from 2000 to 2999, else a 400 naming {@code year}. */
    public static int year(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("region", List.of(Problem.of("year", "region.error.required")));
        }
        if (!t.matches("2\\d{3}")) {
            throw new InvalidInputException("region", List.of(Problem.of("year", "region.yearly.error.year", t)));
        }
        return Integer.parseInt(t);
    }

    /** Whether the actor is the centre's own staff (the evaluator), who previews and publishes, or Meridian in it. */
    public boolean evaluates(Actor actor) {
        return (actor.isSystem() || actor.has(Role.ANALYST)) && hospitals.isRegionCentre(actor.hospitalId());
    }

    /** Whether the actor may publish (the centre's CHANNEL_MANAGER and up, or Meridian in it: the demo). */
    public boolean publishes(Actor actor) {
        return evaluates(actor) && (actor.isSystem() || actor.has(Role.CHANNEL_MANAGER));
    }

    /**
     * The year as it would be published now (the centre's staff only): the newest published version of each period
     * of the year, of the longest kind published.
     */
    public Year preview(Actor actor, int year) {
        RegionVisibility.require(evaluates(actor), actor, "preview the yearly ranking");
        return year(actor.hospitalId(), year, null, sources(actor.hospitalId(), year));
    }

    /**
     * Publishes the year (the centre's CHANNEL_MANAGER and up): stores which published evaluations make it, as the
     * next version of the year. Refused (409) when the centre published no evaluation of an institution type in the year.
     */
    @Transactional
    public Publication publish(Actor actor, int year) {
        RegionVisibility.require(publishes(actor), actor, "publish the yearly ranking");
        long centre = actor.hospitalId();
        List<Evaluation> sources = sources(centre, year);
        if (sources.isEmpty()) {
            throw new ConflictException("region", "nothing-published", "region.yearly.error.nothing", List.of(year),
                    "the centre published no institution evaluation in " + year);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int version = rankings.insert(centre, year, sources.stream().map(Evaluation::id).toList(), at,
                actor.username());
        Map<String, Object> details = AuditLog.details("year", year, "version", version,
                "periods", sources.stream().map(e -> e.period().toString()).distinct().sorted().toList());
        audit.record(centre, actor.username(), "REGION_YEARLY_RANKING_PUBLISHED", String.valueOf(year), details);
        return new Publication(version, at, actor.username());
    }

    /**
     * The newest published version of the year: for the regulator and the region administrator (of their region's
     * centre) and for the centre's own staff. Empty when the year was not published (or the region has no centre).
     */
    public Optional<Year> published(Actor actor, int year) {
        Optional<Hospital> centre = readable(actor);
        if (centre.isEmpty()) {
            return Optional.empty();
        }
        long id = centre.get().id();
        return rankings.newest(id, year).map(stored -> {
            Actor reader = Actor.system(id, "region-yearly-ranking");
            List<Evaluation> sources = stored.evaluationIds().stream().map(e -> evaluations.get(reader, e)).toList();
            return year(id, year, new Publication(stored.version(), stored.publishedAt(), stored.publishedBy()),
                    sources);
        });
    }

    /** The years with a published ranking, newest first (empty without a centre). */
    public List<Integer> years(Actor actor) {
        return readable(actor).map(c -> rankings.years(c.id())).orElse(List.of());
    }

    /** The centre whose rankings the actor reads: its own (the centre's staff) or its region's (a region reader). */
    private Optional<Hospital> readable(Actor actor) {
        if (evaluates(actor)) {
            return hospitals.find(actor.hospitalId());
        }
        RegionVisibility.require(RegionVisibility.reads(actor) && !actor.isSystem(), actor, "read the yearly ranking");
        return hospitals.regionCentre(hospitals.regionOf(actor.hospitalId()));
    }

    /** The newest published version of every period of the year that makes it, per institution type. */
    private List<Evaluation> sources(long centre, int year) {
        Actor reader = Actor.system(centre, "region-yearly-ranking");
        List<Evaluation> sources = new ArrayList<>();
        for (UnitType type : RegionCentre.TYPES) {
            Map<Period, Evaluation> newest = new LinkedHashMap<>();
            evaluations.search(reader, null, type, 0, 1000).items().stream()
                    .filter(Evaluation::published).filter(e -> e.period().year() == year)
                    .forEach(e -> newest.merge(e.period(), e, (x, y) -> x.version() >= y.version() ? x : y));
            for (Period p : YearlyCombination.periodsOfYear(newest.keySet(), year)) {
                sources.add(newest.get(p));
            }
        }
        return sources;
    }

    private Year year(long centre, int year, Publication publication, List<Evaluation> sources) {
        Actor reader = Actor.system(centre, "region-yearly-ranking");
        Map<String, HospitalProfile> profiles = new LinkedHashMap<>();
        for (Hospital h : hospitals.ofRegion(hospitals.regionOf(centre))) {
            hospitals.profile(h.id()).ifPresent(p -> profiles.put(p.code(), p));
        }
        List<TypeRanking> types = new ArrayList<>();
        for (UnitType type : RegionCentre.TYPES) {
            List<Evaluation> ofType = sources.stream().filter(e -> e.unitType() == type)
                    .sorted(Comparator.comparing(Evaluation::period)).toList();
            List<YearlyCombination.PeriodScores> periods = new ArrayList<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (Evaluation e : ofType) {
                SchemeSnapshot scheme = evaluations.scheme(reader, e.id());
                List<YearlyCombination.Scores> scores = new ArrayList<>();
                for (UnitScorecard card : evaluations.allScorecards(reader, e.id())) {
                    DimensionScores d = card.dimensionScores(scheme);
                    scores.add(new YearlyCombination.Scores(card.channel(), d.performance(), d.brand()));
                    names.putIfAbsent(card.channel(), card.channelName());
                }
                periods.add(new YearlyCombination.PeriodScores(e.period(), scores));
            }
            List<Row> rows = YearlyCombination.combine(periods).stream().map(entry -> {
                HospitalProfile p = profiles.get(entry.institution());
                return new Row(entry.institution(), p == null ? names.get(entry.institution()) : p.name(),
                        p == null ? null : p.district(), entry.performance(), entry.brand());
            }).toList();
            types.add(new TypeRanking(type, ofType.stream().map(Evaluation::period).toList(), rows));
        }
        return new Year(year, publication, types);
    }
}
