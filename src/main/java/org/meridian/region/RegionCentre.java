package org.meridian.region;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.DefaultCatalogue;
import org.meridian.indicator.MeasureCatalogue;
import org.meridian.intake.RawStatistic;
import org.meridian.intake.StatisticValue;
import org.meridian.intake.StatisticsIntake;
import org.meridian.intake.StatisticsReport;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.FirstStart;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.Paged;
import org.meridian.unit.UnitDraft;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region's own institution evaluations (区域机构评价, issue 16 point 3) through its evaluation centre (区域评价中心):
 * a tenant of its own whose institution units are the region's hospitals. The region administrator sets it up with
 * its first account (the evaluator, 第三方评价机构 or the authority's evaluation office, ADMIN of the centre only) and
 * brings the hospitals into it ({@link #sync}: one INSTITUTION unit per hospital of the region with a type, and the
 * statistics each hospital reports for itself, i.e. for its INSTITUTION unit with its own hospital code). The
 * evaluator then keeps the schemes for the institution types and runs and publishes the evaluations in the centre
 * with the existing pages and API, as any hospital does; the region may also import statistics there directly. The
 * regulator and the region administrator read the centre's published evaluations ({@link #published}); drafts are
 * never shown to them.
 */
@Service
public class RegionCentre {

    /** The institution types the region evaluates. */
    public static final List<UnitType> TYPES = List.of(UnitType.TERTIARY_HOSPITAL, UnitType.SECONDARY_HOSPITAL,
            UnitType.PRIMARY_CARE);

    private final Hospitals hospitals;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final DefaultCatalogue catalogue;
    private final MeasureCatalogue measures;
    private final UnitRegistry units;
    private final StatisticsIntake statistics;
    private final EvaluationResults evaluations;
    private final Clock clock;

    RegionCentre(Hospitals hospitals, Accounts accounts, PasswordEncoder encoder, AuditLog audit,
                 DefaultCatalogue catalogue, MeasureCatalogue measures, UnitRegistry units,
                 StatisticsIntake statistics, EvaluationResults evaluations, Clock clock) {
        this.clock = clock;
        this.hospitals = hospitals;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.catalogue = catalogue;
        this.measures = measures;
        this.units = units;
        this.statistics = statistics;
        this.evaluations = evaluations;
    }

    /** The centre and its first account's one-time password (shown once). */
    public record Created(Hospital centre, String adminUsername, String oneTimePassword) {
    }

    /** What one {@link #sync} did: institutions added and updated, values copied, hospitals that could not take part. */
    public record Synced(List<String> added, List<String> updated, int accepted, int restated, int duplicates,
                         List<String> withoutType, List<String> withoutOwnUnit) {
    }

    /** One institution's scorecard in a published evaluation of the centre; without a total it has no rank and no tier. */
    public record Row(String code, String name, String district, Integer rank, BigDecimal total, BigDecimal coverage,
                      String tier) {
    }

    /**
     * Where an institution stands in the centre's newest published evaluation of its type: the evaluation's period
     * and version, its rank among the {@code ranked} institutions with a total (null when it has none), its total
     * (0–100, as shown) and tier.
     */
    public record Standing(UnitType type, Period period, int version, Integer rank, int ranked, BigDecimal total,
                           String tier) {
    }

    /** A published evaluation of the centre with its scorecards, best first. */
    public record Published(Evaluation evaluation, List<Row> rows) {
        public Published {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The months a {@link #sync} brings in, read from what a person typed ({@code YYYY-MM}): both required and
     * readable, {@code from} not after {@code to}, at most 60 months apart. Every problem at once, each on its field.
     */
    public record Span(YearMonth from, YearMonth to) {

        public static Span parse(String from, String to) {
            List<Problem> problems = new ArrayList<>();
            YearMonth f = month("from", from, problems);
            YearMonth t = month("to", to, problems);
            if (f != null && t != null && (f.isAfter(t) || f.plusMonths(60).isBefore(t))) {
                problems.add(Problem.of("to", "region.centre.error.span"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException("region", problems);
            }
            return new Span(f, t);
        }

        private static YearMonth month(String field, String text, List<Problem> problems) {
            if (text == null || text.isBlank()) {
                problems.add(Problem.of(field, "region.error.required"));
                return null;
            }
            try {
                return YearMonth.parse(text.strip());
            } catch (DateTimeParseException e) {
                problems.add(Problem.of(field, "region.centre.error.month", text.strip()));
                return null;
            }
        }
    }

    /** A hospital of the region and whether it is an institution of the centre (brought in by a {@link #sync}). */
    public record Member(HospitalProfile hospital, boolean inCentre) {
    }

    /** The centre of the actor's region, if it has one (a reader of the region). */
    public Optional<Hospital> centre(Actor actor) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's evaluations");
        return hospitals.regionCentre(region(actor));
    }

    /**
     * Sets up the region's evaluation centre with its first account (ADMIN of the centre, a random one-time password
     * returned once) and the default catalogue (statistic measures, indicators and the default schemes of the
     * institution types). Code and username as for a hospital; a region that has a centre already is refused on
     * {@code code}. Every problem at once, nothing stored.
     */
    @Transactional
    public Created create(Actor actor, String code, String name, String adminUsername, String adminDisplayName) {
        RegionVisibility.require(RegionVisibility.administers(actor), actor, "set up the region's evaluation centre");
        // a centre is checked as a hospital is, but has no type, grade or district: those fields are filled in here
        HospitalDraft.Checked c = new HospitalDraft(code, name, UnitType.PRIMARY_CARE.name(), "-", "-", null,
                adminUsername, adminDisplayName).check();
        List<Problem> problems = new ArrayList<>(c.problems());
        long region = region(actor);
        if (hospitals.regionCentre(region).isPresent()) {
            problems.add(Problem.of("code", "region.centre.error.exists"));
        } else if (c.code() != null && HospitalDraft.CODE.matcher(c.code()).matches()
                && hospitals.codeTaken(c.code())) {
            problems.add(Problem.of("code", "region.error.codeTaken", c.code()));
        }
        if (c.adminUsername() != null && problems.stream().noneMatch(p -> p.path().equals("adminUsername"))
                && accounts.usernameTaken(c.adminUsername())) {
            problems.add(Problem.of("adminUsername", "region.error.usernameTaken", c.adminUsername()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("region", problems);
        }
        Hospital home = hospitals.find(actor.hospitalId()).orElseThrow();
        Hospital centre = hospitals.createRegionCentre(region, c.code(), c.name(), home.timeZone());
        String password = FirstStart.randomPassword();
        accounts.insert(centre.id(), c.adminUsername(), c.adminDisplayName(), encoder.encode(password), null,
                EnumSet.of(Role.ADMIN));
        catalogue.install(Actor.system(centre.id(), "region-centre"));
        Map<String, Object> details = AuditLog.details("name", centre.name(), "administrator", c.adminUsername());
        audit.record(actor.hospitalId(), actor.username(), "REGION_CENTRE_CREATED", centre.code(), details);
        audit.record(centre.id(), actor.username(), "REGION_CENTRE_CREATED", centre.code(), details);
        audit.record(centre.id(), actor.username(), "USER_CREATED", c.adminUsername(),
                Map.of("roles", List.of("ADMIN")));
        return new Created(centre, c.adminUsername(), password);
    }

    /** The centre's accounts (its evaluators), by username; empty without a centre. For the region administrator. */
    public List<Accounts.Account> accounts(Actor actor) {
        RegionVisibility.require(RegionVisibility.administers(actor), actor, "read the centre's accounts");
        return hospitals.regionCentre(region(actor)).map(c -> accounts.list(c.id(), clock.instant()).stream()
                .sorted(Comparator.comparing(Accounts.Account::username)).toList()).orElse(List.of());
    }

    /**
     * A page of the region's hospitals (filtered by code or name) with whether each is an institution of the centre;
     * every one is "not in" while the region has no centre. For the region administrator.
     */
    public Paged<Member> members(Actor actor, String text, int page, int size) {
        RegionVisibility.require(RegionVisibility.administers(actor), actor, "read the centre's institutions");
        long region = region(actor);
        Map<String, UnitRef> inCentre = hospitals.regionCentre(region)
                .map(c -> units.byCode(Actor.system(c.id(), "region-centre"))).orElse(Map.of());
        return hospitals.inRegion(region, text, null, null, page, size)
                .map(h -> new Member(h, inCentre.containsKey(h.code())));
    }

    /** As {@link #sync(Actor, YearMonth, YearMonth)} over a checked span. */
    public Synced sync(Actor actor, Span span) {
        return sync(actor, span.from(), span.to());
    }

    /**
     * Brings the region's hospitals into the centre: one INSTITUTION unit per hospital of the region that has an
     * institution type (code, name, type, grade and district as the region keeps them; added, or updated when they
     * changed), and the statistics each hospital reported for itself (its INSTITUTION unit with its own code) from
     * month {@code from} to month {@code to}, for the measures the centre knows, recorded in the centre as any
     * statistics are (the same value again is a duplicate, another value a restatement). Audited in the actor's
     * hospital and in the centre.
     *
     * @throws org.meridian.shared.problem.NotFoundException when the region has no centre
     */
    @Transactional
    public Synced sync(Actor actor, YearMonth from, YearMonth to) {
        RegionVisibility.require(RegionVisibility.administers(actor), actor, "bring the hospitals into the centre");
        if (from.isAfter(to) || from.plusMonths(60).isBefore(to)) {
            throw new InvalidInputException("region", List.of(Problem.of("to", "region.centre.error.span")));
        }
        long region = region(actor);
        Hospital centre = hospitals.regionCentre(region).orElseThrow(() -> new org.meridian.shared.problem
                .NotFoundException("region", "centre", "-", "region.centre.problem.none"));
        Actor inCentre = Actor.system(centre.id(), "region-centre");
        Map<String, UnitRef> existing = units.byCode(inCentre);
        Set<String> known = measures.statisticCodes(centre.id());
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> withoutType = new ArrayList<>();
        List<String> withoutOwnUnit = new ArrayList<>();
        List<RawStatistic> rows = new ArrayList<>();
        for (Hospital h : hospitals.ofRegion(region)) {
            HospitalProfile p = hospitals.profile(h.id()).orElseThrow();
            if (p.type() == null) {
                withoutType.add(h.code());
                continue;
            }
            UnitDraft draft = new UnitDraft(h.code(), shortName(h.name()), UnitKind.INSTITUTION.name(),
                    p.type().name(), null, null, null, null, p.level(), p.district());
            UnitRef unit = existing.get(h.code());
            if (unit == null) {
                units.register(inCentre, draft);
                added.add(h.code());
            } else if (!unit.name().equals(draft.name()) || unit.type() != p.type()) {
                units.update(inCentre, h.code(), draft);
                updated.add(h.code());
            }
            Optional<List<StatisticValue>> own = statistics.valuesOfUnit(Actor.system(h.id(), "region-centre"),
                    h.code(), from, to);
            if (own.isEmpty()) {
                withoutOwnUnit.add(h.code());
                continue;
            }
            for (StatisticValue v : own.get()) {
                if (known.contains(v.measure())) {
                    rows.add(new RawStatistic(h.code(), v.month().toString(), v.measure(), v.value(), null,
                            "区域汇集 " + h.code()));
                }
            }
        }
        int accepted = 0;
        int restated = 0;
        int duplicates = 0;
        for (int i = 0; i < rows.size(); i += StatisticsIntake.MAX_ROWS) {
            StatisticsReport r = statistics.record(inCentre, rows.subList(i, Math.min(rows.size(),
                    i + StatisticsIntake.MAX_ROWS)), i);
            accepted += r.accepted();
            restated += r.restated();
            duplicates += r.duplicates();
        }
        Synced synced = new Synced(added, updated, accepted, restated, duplicates, withoutType, withoutOwnUnit);
        Map<String, Object> details = AuditLog.details("from", from.toString(), "to", to.toString(), "added", added,
                "updated", updated, "accepted", accepted, "restated", restated, "withoutOwnUnit", withoutOwnUnit);
        audit.record(actor.hospitalId(), actor.username(), "REGION_CENTRE_SYNCED", centre.code(), details);
        audit.record(centre.id(), actor.username(), "REGION_CENTRE_SYNCED", centre.code(), details);
        return synced;
    }

    /**
     * The centre's newest published evaluation of an institution type (of the period when one is given), with every
     * institution's scorecard, best first; empty when there is none (or the region has no centre). Drafts are never
     * returned.
     */
    public Optional<Published> published(Actor actor, UnitType type, Period period) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's evaluations");
        Optional<Hospital> centre = hospitals.regionCentre(region(actor));
        if (centre.isEmpty()) {
            return Optional.empty();
        }
        Actor reader = Actor.system(centre.get().id(), "region-evaluations");
        Optional<Evaluation> latest = latest(reader, type, period);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Map<String, HospitalProfile> profiles = new LinkedHashMap<>();
        for (Hospital h : hospitals.ofRegion(region(actor))) {
            hospitals.profile(h.id()).ifPresent(p -> profiles.put(p.code(), p));
        }
        List<Row> rows = new ArrayList<>();
        for (UnitScorecard s : evaluations.ranking(reader, latest.get().id())) {
            HospitalProfile p = profiles.get(s.channel());
            rows.add(new Row(s.channel(), p == null ? s.channelName() : p.name(), p == null ? null : p.district(),
                    s.rank(), s.total() == null ? null : s.roundedTotal(), s.coverage(),
                    s.total() == null ? null : s.tier()));
        }
        rows.sort(Comparator.comparing(Row::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Row::code));
        return Optional.of(new Published(latest.get(), rows));
    }

    /**
     * Every institution's standing in the centre's newest published evaluation of its type, by hospital code (the
     * code of its institution unit in the centre); a hospital of a type without a published evaluation, or not in
     * it, is absent. Empty when the region has no centre. For the regulator's workbench, its drill-down and workbook.
     */
    public Map<String, Standing> standings(Actor actor) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's evaluations");
        Optional<Hospital> centre = hospitals.regionCentre(region(actor));
        if (centre.isEmpty()) {
            return Map.of();
        }
        Actor reader = Actor.system(centre.get().id(), "region-evaluations");
        Map<String, Standing> standings = new LinkedHashMap<>();
        for (UnitType type : TYPES) {
            Optional<Evaluation> latest = latest(reader, type, null);
            if (latest.isEmpty()) {
                continue;
            }
            Evaluation e = latest.get();
            List<UnitScorecard> cards = evaluations.ranking(reader, e.id());
            int ranked = (int) cards.stream().filter(c -> c.rank() != null).count();
            for (UnitScorecard c : cards) {
                standings.put(c.channel(), new Standing(type, e.period(), e.version(), c.rank(), ranked,
                        c.total() == null ? null : c.roundedTotal(), c.total() == null ? null : c.tier()));
            }
        }
        return standings;
    }

    /** The centre's newest published evaluation of a type (of the period when one is given). */
    private Optional<Evaluation> latest(Actor reader, UnitType type, Period period) {
        return evaluations.search(reader, period, type, 0, 100).items().stream()
                .filter(Evaluation::published)
                .max(Comparator.comparing(Evaluation::period).thenComparing(Evaluation::version));
    }

    /** A hospital's name as a unit's (units take at most 100 characters). */
    private static String shortName(String name) {
        return name.length() <= UnitDraft.NAME_MAX ? name : name.substring(0, UnitDraft.NAME_MAX);
    }

    private long region(Actor actor) {
        return hospitals.regionOf(actor.hospitalId());
    }
}
