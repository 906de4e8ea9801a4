package org.meridian.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationRuns;
import org.meridian.evaluation.EvaluationSubject;
import org.meridian.indicator.DefaultCatalogue;
import org.meridian.indicator.MeasureCatalogue;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.intake.RawStatistic;
import org.meridian.intake.StatisticsIntake;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.FirstStart;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.unit.UnitDraft;
import org.meridian.unit.UnitRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, after the demo region ({@link RegionDemoData}): each of the six demo institutions registers itself
 * as an INSTITUTION unit with its own code (status PROSPECT: it carries the hospital's statistics about itself and is
 * not one of the units the hospital evaluates) and reports twelve months of five statistics about itself (门急诊人次,
 * 预约诊疗人次, 门诊患者满意度得分, 患者投诉件数, 出院人次; made up, the same every time); the region's evaluation centre
 * {@value #CENTRE} (示范市医疗机构绩效评价中心) with the account {@code evaluator} (its ADMIN, password as every demo
 * account) takes them in, keeps a small scheme of three indicators for each institution type, and has published the
 * last whole quarter's evaluation of each type and the yearly ranking of that quarter's year. Made only while the
 * region has no centre.
 */
@Component
@Order(81)
@ConditionalOnBooleanProperty("meridian.demo")
class RegionCentreDemoData implements ApplicationRunner {

    static final String CENTRE = "REGION-EVAL";
    static final String EVALUATOR = "evaluator";
    static final List<String> MEASURES = List.of("outpatient_visits", "appointment_visits", "outpatient_satisfaction",
            "patient_complaints", "discharges");

    private final Hospitals hospitals;
    private final HospitalCalendar calendar;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final DefaultCatalogue catalogue;
    private final UnitRegistry units;
    private final StatisticsIntake statistics;
    private final SchemeCatalogue schemes;
    private final EvaluationRuns runs;
    private final RegionCentre centre;
    private final MeasureCatalogue measures;
    private final YearlyRanking yearly;

    RegionCentreDemoData(Hospitals hospitals, HospitalCalendar calendar, Accounts accounts, PasswordEncoder encoder,
                         DefaultCatalogue catalogue, UnitRegistry units, StatisticsIntake statistics,
                         SchemeCatalogue schemes, EvaluationRuns runs, RegionCentre centre,
                         MeasureCatalogue measures, YearlyRanking yearly) {
        this.measures = measures;
        this.yearly = yearly;
        this.hospitals = hospitals;
        this.calendar = calendar;
        this.accounts = accounts;
        this.encoder = encoder;
        this.catalogue = catalogue;
        this.units = units;
        this.statistics = statistics;
        this.schemes = schemes;
        this.runs = runs;
        this.centre = centre;
    }

    @Override
    public void run(ApplicationArguments args) {
        Hospital h001 = hospitals.findByCode(RegionDemoData.DEMO_HOSPITAL).orElse(null);
        if (h001 == null || hospitals.findByCode(RegionDemoData.INSTITUTIONS.get(0).code()).isEmpty()) {
            return;
        }
        long region = hospitals.regionOf(h001.id());
        if (hospitals.regionCentre(region).isPresent() || accounts.usernameTaken(EVALUATOR)) {
            return;
        }
        YearMonth last = YearMonth.from(calendar.today(h001.id())).minusMonths(1);
        Random random = new Random(163);
        for (Hospital h : hospitals.ofRegion(region)) {
            HospitalProfile p = hospitals.profile(h.id()).orElseThrow();
            if (p.type() == null) {
                continue;
            }
            Actor self = Actor.system(h.id(), "region-demo");
            if (!measures.statisticCodes(h.id()).containsAll(MEASURES)) {
                catalogue.install(self);
            }
            if (units.findByCode(self, h.code()).isEmpty()) {
                units.register(self, new UnitDraft(h.code(), "本院（" + h.name() + "）", UnitKind.INSTITUTION.name(),
                        p.type().name(), "PROSPECT", null, null, null, p.level(), p.district()));
            }
            statistics.record(self, rows(h.code(), p.type(), last, random), 0);
        }
        Hospital c = hospitals.createRegionCentre(region, CENTRE, "示范市医疗机构绩效评价中心（演示）", h001.timeZone());
        accounts.insert(c.id(), EVALUATOR, "示范市医疗机构绩效评价中心 孙老师（评价机构）",
                encoder.encode(FirstStart.DEMO_PASSWORD), null, EnumSet.of(Role.ADMIN));
        Actor evaluator = Actor.system(c.id(), "region-demo");
        catalogue.install(evaluator);
        centre.sync(Actor.system(h001.id(), "region-demo"), last.minusMonths(11), last);
        Period quarter = Period.containing(Period.Kind.QUARTER, last.atDay(1));
        for (UnitType type : RegionCentre.TYPES) {
            schemes.save(evaluator, type, scheme(type));
            Evaluation e = runs.run(evaluator, new EvaluationSubject(quarter, type));
            runs.publish(evaluator, e.id());
        }
        // published by the evaluator account itself, so that the regulator reads who published it
        yearly.publish(new Actor(c.id(), EVALUATOR, EnumSet.of(Role.ADMIN), null), quarter.year());
    }

    /**
     * The region's demo scheme of a type: appointments booked in advance (40 %), outpatient satisfaction (30 %) and
     * complaints per 10,000 visits (30 %), scored linearly; a primary-care institution is held to other ranges.
     */
    static SchemeDraft scheme(UnitType type) {
        boolean primary = type == UnitType.PRIMARY_CARE;
        return new SchemeDraft(List.of(
                linear("APPOINTMENT_RATE", 4, primary ? 10 : 30, primary ? 50 : 80),
                linear("OUTPATIENT_SATISFACTION", 3, 80, 96),
                linear("COMPLAINT_RATE_10K", 3, 6, 1)),
                List.of(new SchemeDraft.Tier("A", BigDecimal.valueOf(85)), new SchemeDraft.Tier("B", BigDecimal.valueOf(70)),
                        new SchemeDraft.Tier("C", BigDecimal.valueOf(55))));
    }

    private static SchemeDraft.Item linear(String code, int weight, double zero, double full) {
        return new SchemeDraft.Item(code, BigDecimal.valueOf(weight), new SchemeDraft.Scoring("LINEAR",
                BigDecimal.valueOf(zero).stripTrailingZeros(), BigDecimal.valueOf(full).stripTrailingZeros(), null));
    }

    /** Twelve months up to {@code last} of the five statistics of one institution, by its type's scale. */
    static List<RawStatistic> rows(String unit, UnitType type, YearMonth last, Random random) {
        int visits = switch (type) {
            case TERTIARY_HOSPITAL -> 90_000;
            case SECONDARY_HOSPITAL -> 30_000;
            default -> 6_000;
        };
        int discharges = visits / (type == UnitType.PRIMARY_CARE ? 200 : 25);
        double booked = type == UnitType.PRIMARY_CARE ? 0.15 + 0.25 * random.nextDouble()
                : 0.35 + 0.35 * random.nextDouble();
        double satisfaction = 84 + 10 * random.nextDouble();
        double complaintsPer10k = 1.5 + 3.5 * random.nextDouble();
        List<RawStatistic> rows = new ArrayList<>();
        for (int m = 11; m >= 0; m--) {
            String month = last.minusMonths(m).toString();
            double season = 0.9 + 0.2 * random.nextDouble();
            long v = Math.round(visits * season);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put("outpatient_visits", BigDecimal.valueOf(v));
            values.put("appointment_visits", BigDecimal.valueOf(Math.round(v * booked)));
            values.put("outpatient_satisfaction", BigDecimal.valueOf(satisfaction + random.nextDouble() - 0.5)
                    .setScale(1, RoundingMode.HALF_UP));
            values.put("patient_complaints", BigDecimal.valueOf(Math.round(v * complaintsPer10k / 10_000)));
            values.put("discharges", BigDecimal.valueOf(Math.round(discharges * season)));
            values.forEach((measure, value) -> rows.add(new RawStatistic(unit, month, measure, value, null, null)));
        }
        return rows;
    }
}
