package org.meridian.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.unit.UnitDraft;
import org.meridian.unit.UnitQuery;
import org.meridian.unit.UnitRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: the demo hospital's 25 departments (20 clinical, 4 of them sub-specialties under their parent, and 5
 * medical-technology; names of a Chinese general hospital, heads invented) and 24 months of their statistics in the
 * default catalogue's measures ({@code DefaultUnitCatalogue}), the months before the demo clock's month.
 *
 * <p>Each department has a quality level q and a brand level b in [0, 1] that the figures follow (complications,
 * readmissions and mortality fall with q, satisfaction rises with it; awareness, media reports and patients from
 * outside the area rise with b), seasons of its own and some noise:
 * <ul>
 *   <li>呼吸与危重症医学科 and 儿科 fill up in winter (volume × 1 + 0.30·cos(2π(month − 1)/12): January × 1.30, July
 *       × 0.70), 眼科 in the summer holidays, 泌尿外科 (stones) in July; every department dips in February (Spring
 *       Festival) and elective surgery most;</li>
 *   <li>神经外科 ({@link #IMPROVING}) improves steadily: q from 0.25 to 0.90 over the two years;</li>
 *   <li>骨科 ({@link #BRAND_AT_RISK}) is the famous one whose results slip: b stays 0.95 while q falls from 0.55 to
 *       0.25, so its brand outruns its results;</li>
 *   <li>肾内科 does very well (q 0.85) and few have heard of it (b 0.15); 心血管内科 is strong on both.</li>
 * </ul>
 * The same every time (fixed seed); departments are registered only while the hospital has none, statistics only while
 * the months have none. About 23,000 rows, recorded through {@link StatisticsIntake} in batches.
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty("meridian.demo")
class DepartmentDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DepartmentDemoData.class);
    private static final long SEED = 20261204L;
    static final int MONTHS = 24;
    static final String IMPROVING = "D-NSURG";
    static final String BRAND_AT_RISK = "D-ORTH";
    static final String WINTER_PEAK = "D-RESP";

    /** How a department's volume moves over the year. */
    enum Season {
        NONE, WINTER, WINTER_MILD, CHILDREN, SUMMER_HOLIDAYS, STONES, ELECTIVE;

        double factor(int month) {
            double winter = Math.cos(2 * Math.PI * (month - 1) / 12.0);
            double festival = month == 2 ? 0.85 : month == 10 ? 0.95 : 1.0;
            return festival * switch (this) {
                case NONE -> 1.0;
                case WINTER -> 1 + 0.30 * winter;
                case WINTER_MILD -> 1 + 0.10 * winter;
                case CHILDREN -> 1 + 0.22 * winter + (month == 7 || month == 8 ? 0.12 : 0);
                case SUMMER_HOLIDAYS -> month == 7 || month == 8 ? 1.30 : month == 1 ? 1.10 : 0.95;
                case STONES -> 1 + 0.15 * Math.cos(2 * Math.PI * (month - 7) / 12.0);
                case ELECTIVE -> month == 2 ? 0.80 : month == 12 ? 1.05 : 1.0;
            };
        }
    }

    /**
     * A demo department. Clinical: beds, length of stay, CMI, share operated on, level-4 and minimally invasive
     * shares of operations, mortality (%), drug share, outpatient visits per discharge. Medical technology: monthly
     * examinations (in {@code volume}), report hours, large-equipment examinations, critical values, external QA
     * items, price per examination. q and b at the start and at the end of the 24 months.
     */
    record Dept(String code, String name, UnitType type, String parent, String head, int beds, double alos,
                double cmi, double operated, double level4, double minimal, double mortality, double drug,
                double outpatientRatio, Season season, double q0, double q1, double b0, double b1,
                double volume, double reportHours, double largeEquipment, double criticalValues, int eqaItems,
                double price, int technicians) {

        boolean clinical() {
            return type == UnitType.CLINICAL;
        }

        double q(double t) {
            return q0 + (q1 - q0) * t;
        }

        double b(double t) {
            return b0 + (b1 - b0) * t;
        }
    }

    private static Dept clinical(String code, String name, String parent, String head, int beds, double alos,
                                 double cmi, double operated, double level4, double minimal, double mortality,
                                 double drug, double outpatientRatio, Season season, double q0, double q1, double b0,
                                 double b1) {
        return new Dept(code, name, UnitType.CLINICAL, parent, head, beds, alos, cmi, operated, level4, minimal,
                mortality, drug, outpatientRatio, season, q0, q1, b0, b1, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Dept technology(String code, String name, String head, double exams, double reportHours,
                                   double largeEquipment, double criticalValues, int eqaItems, double price,
                                   int technicians, double q, double b) {
        return new Dept(code, name, UnitType.MEDICAL_TECHNOLOGY, null, head, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Season.NONE, q, q, b, b, exams, reportHours, largeEquipment, criticalValues, eqaItems, price,
                technicians);
    }

    /** The 25 departments, parents before their sub-specialties. */
    static final List<Dept> DEPARTMENTS = List.of(
            clinical("D-CARD", "心血管内科", null, "陈立新", 80, 7.5, 1.35, 0.35, 0.45, 0.9, 1.0, 0.30, 9,
                    Season.WINTER_MILD, 0.85, 0.85, 0.85, 0.85),
            clinical(WINTER_PEAK, "呼吸与危重症医学科", null, "林海燕", 70, 9.0, 1.10, 0.05, 0.20, 0.9, 1.6, 0.42,
                    12, Season.WINTER, 0.6, 0.6, 0.55, 0.55),
            clinical("D-GI", "消化内科", null, "黄卫东", 55, 7.0, 0.95, 0.30, 0.12, 0.95, 0.5, 0.33, 14, Season.NONE,
                    0.65, 0.65, 0.6, 0.6),
            clinical("D-NEURO", "神经内科", null, "刘晓峰", 60, 10.0, 1.05, 0.08, 0.50, 1.0, 1.4, 0.38, 10,
                    Season.WINTER_MILD, 0.6, 0.6, 0.45, 0.45),
            clinical("D-NEURO-SU", "卒中单元", "D-NEURO", "周文", 24, 11.0, 1.20, 0.12, 0.60, 1.0, 2.5, 0.36, 2,
                    Season.WINTER_MILD, 0.55, 0.55, 0.3, 0.3),
            clinical("D-ENDO", "内分泌科", null, "吴静", 40, 8.0, 0.85, 0.0, 0, 0, 0.3, 0.45, 22, Season.NONE, 0.6,
                    0.6, 0.4, 0.4),
            clinical("D-NEPH", "肾内科", null, "赵明", 45, 9.5, 1.05, 0.12, 0.10, 0.3, 0.9, 0.40, 15, Season.NONE,
                    0.85, 0.85, 0.15, 0.15),
            clinical("D-GS", "普通外科", null, "孙建军", 50, 8.0, 1.15, 0.70, 0.25, 0.45, 0.6, 0.22, 8,
                    Season.ELECTIVE, 0.6, 0.6, 0.6, 0.6),
            clinical("D-GS-GI", "胃肠外科", "D-GS", "郭强", 40, 10.5, 1.60, 0.80, 0.45, 0.55, 0.8, 0.20, 6,
                    Season.ELECTIVE, 0.7, 0.7, 0.55, 0.55),
            clinical("D-GS-HPB", "肝胆胰外科", "D-GS", "何志远", 40, 11.0, 1.85, 0.78, 0.55, 0.5, 1.1, 0.21, 6,
                    Season.ELECTIVE, 0.5, 0.5, 0.5, 0.5),
            clinical(BRAND_AT_RISK, "骨科", null, "马骏", 90, 9.0, 1.30, 0.85, 0.35, 0.35, 0.2, 0.15, 10,
                    Season.ELECTIVE, 0.55, 0.25, 0.95, 0.95),
            clinical("D-ORTH-SP", "脊柱外科", BRAND_AT_RISK, "罗斌", 40, 10.0, 1.70, 0.90, 0.60, 0.45, 0.2, 0.14, 7,
                    Season.ELECTIVE, 0.7, 0.7, 0.6, 0.6),
            clinical(IMPROVING, "神经外科", null, "徐东升", 50, 14.0, 2.10, 0.65, 0.30, 0.3, 3.0, 0.28, 6,
                    Season.NONE, 0.25, 0.90, 0.30, 0.50),
            clinical("D-CTS", "心胸外科", null, "高远", 35, 12.0, 2.40, 0.75, 0.60, 0.5, 1.5, 0.20, 5, Season.NONE,
                    0.7, 0.7, 0.7, 0.7),
            clinical("D-URO", "泌尿外科", null, "朱国平", 45, 7.0, 1.10, 0.75, 0.25, 0.7, 0.2, 0.20, 12,
                    Season.STONES, 0.6, 0.6, 0.45, 0.45),
            clinical("D-OBGYN", "妇产科", null, "杨丽华", 80, 5.0, 0.70, 0.55, 0.12, 0.35, 0.02, 0.18, 14,
                    Season.NONE, 0.7, 0.7, 0.75, 0.75),
            clinical("D-PED", "儿科", null, "李春梅", 60, 5.5, 0.55, 0.02, 0.10, 0.5, 0.1, 0.35, 25, Season.CHILDREN,
                    0.65, 0.65, 0.6, 0.6),
            clinical("D-OPH", "眼科", null, "张明远", 30, 3.0, 0.75, 0.92, 0.20, 0.8, 0.0, 0.12, 30,
                    Season.SUMMER_HOLIDAYS, 0.75, 0.75, 0.7, 0.7),
            clinical("D-ICU", "重症医学科", null, "王志刚", 24, 9.0, 3.20, 0.10, 0.30, 0.5, 14.0, 0.35, 0.2,
                    Season.WINTER_MILD, 0.6, 0.6, 0.25, 0.25),
            clinical("D-ONC", "肿瘤科", null, "沈晓东", 60, 8.5, 1.15, 0.05, 0.20, 0.6, 2.0, 0.55, 12, Season.NONE,
                    0.55, 0.55, 0.5, 0.5),
            technology("D-LAB", "检验科", "秦芳", 60_000, 4, 0, 300, 120, 60, 45, 0.7, 0.2),
            technology("D-RAD", "医学影像科", "韩立", 12_000, 20, 9_000, 60, 0, 350, 40, 0.6, 0.35),
            technology("D-US", "超声医学科", "许晴", 9_000, 1.5, 0, 40, 0, 150, 25, 0.75, 0.3),
            technology("D-PATH", "病理科", "曹建华", 2_500, 60, 0, 10, 12, 300, 15, 0.65, 0.25),
            technology("D-NM", "核医学科", "冯涛", 700, 24, 500, 5, 0, 2_000, 10, 0.6, 0.3));

    private final UnitRegistry units;
    private final StatisticsIntake intake;
    private final Hospitals hospitals;
    private final Clock clock;

    DepartmentDemoData(UnitRegistry units, StatisticsIntake intake, Hospitals hospitals, Clock clock) {
        this.units = units;
        this.intake = intake;
        this.hospitals = hospitals;
        this.clock = clock;
    }

    /** The last month of the demo statistics: the month before the demo clock's month. */
    static YearMonth lastMonth(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }

    @Override
    public void run(ApplicationArguments args) {
        Hospital hospital = hospitals.all().get(0);
        Actor actor = Actor.system(hospital.id(), "demo");
        long started = System.nanoTime();
        if (units.search(actor, new UnitQuery(UnitKind.DEPARTMENT, null, null, null, 0, 1)).total() == 0) {
            for (Dept d : DEPARTMENTS) {
                units.register(actor, new UnitDraft(d.code(), d.name(), UnitKind.DEPARTMENT.name(), d.type().name(),
                        null, d.parent(), d.head(), d.clinical() ? String.valueOf(d.beds()) : null, null, null));
            }
        }
        YearMonth last = lastMonth(LocalDate.now(clock.withZone(hospital.timeZone())));
        YearMonth first = last.minusMonths(MONTHS - 1);
        if (!intake.between(actor, first, last).isEmpty()) {
            return;
        }
        List<RawStatistic> rows = generate(first);
        int accepted = 0;
        for (int from = 0; from < rows.size(); from += StatisticsIntake.MAX_ROWS) {
            accepted += intake.record(actor, rows.subList(from, Math.min(rows.size(), from + StatisticsIntake.MAX_ROWS)),
                    from).accepted();
        }
        log.info("Demo departments: {} statistics of {} recorded in {} ms", accepted, rows.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Every demo statistic, department after department, month after month, from {@code first} on. */
    static List<RawStatistic> generate(YearMonth first) {
        Random random = new Random(SEED);
        List<RawStatistic> out = new ArrayList<>();
        for (Dept d : DEPARTMENTS) {
            for (int i = 0; i < MONTHS; i++) {
                YearMonth month = first.plusMonths(i);
                Month m = new Month(d, month, i / (double) (MONTHS - 1), random, out);
                if (d.clinical()) {
                    m.clinical();
                } else {
                    m.technology();
                }
            }
        }
        return out;
    }

    /** The figures of one department in one month. */
    private static final class Month {
        private final Dept d;
        private final YearMonth month;
        private final double q;
        private final double b;
        private final double t;
        private final Random random;
        private final List<RawStatistic> out;

        Month(Dept d, YearMonth month, double t, Random random, List<RawStatistic> out) {
            this.d = d;
            this.month = month;
            this.t = t;
            this.q = d.q(t);
            this.b = d.b(t);
            this.random = random;
            this.out = out;
        }

        void clinical() {
            double season = d.season().factor(month.getMonthValue());
            long openBedDays = (long) d.beds() * month.lengthOfMonth();
            double occupancy = Math.min(1.12, (0.78 + 0.14 * q) * season * noise(0.03));
            long occupied = Math.round(openBedDays * occupancy);
            long inpatientDays = Math.round(occupied * noise(0.02));
            double alos = d.alos() * (1.15 - 0.3 * q) * noise(0.03);
            long discharges = Math.max(1, Math.round(inpatientDays / alos));
            long outpatient = Math.round(discharges * d.outpatientRatio() * noise(0.05));
            long surgeries = Math.round(discharges * d.operated() * noise(0.05));
            long level4 = Math.round(surgeries * Math.min(0.95, d.level4() * (0.8 + 0.4 * q)) * noise(0.04));
            long minimal = Math.round(surgeries * Math.min(0.98, d.minimal() * (0.9 + 0.2 * q)));
            long elective = Math.round(surgeries * 0.8);
            double dayShare = d.code().equals("D-OPH") ? 0.45 : 0.06 + 0.2 * q;
            long lowRisk = Math.round(discharges * 0.28);
            double cmi = d.cmi() * (0.9 + 0.2 * q) * noise(0.02);
            BigDecimal weight = BigDecimal.valueOf(discharges * cmi).setScale(2, RoundingMode.HALF_UP);
            double revenue = weight.doubleValue() * 15_000 + outpatient * 320.0;
            int physicians = (int) Math.round(d.beds() / 3.5) + (t > 0.5 ? 1 : 0);
            int nurses = (int) Math.round(d.beds() * 0.6);
            int technicians = physicians + nurses + 2;
            long visits = outpatient + discharges;

            put("outpatient_visits", outpatient);
            put("discharges", discharges);
            put("inpatient_days", inpatientDays);
            put("occupied_bed_days", occupied);
            put("open_bed_days", openBedDays);
            put("open_beds", d.beds());
            put("surgeries", surgeries);
            put("level4_surgeries", level4);
            put("minimally_invasive_surgeries", minimal);
            put("elective_surgeries", elective);
            put("day_surgeries", Math.round(elective * dayShare));
            put("cmi_weight", weight);
            put("inpatient_deaths", poisson(discharges * d.mortality() / 100 * (1.3 - 0.6 * q)));
            put("low_risk_cases", lowRisk);
            put("low_risk_deaths", poisson(lowRisk * 0.0005 * (1.6 - q)));
            put("readmissions_31d", poisson(discharges * (5 - 3.5 * q) / 100));
            put("surgical_complications", poisson(surgeries * (3.0 - 2.4 * q) / 100));
            money("medical_revenue", revenue);
            money("drug_revenue", revenue * d.drug() * (1.15 - 0.3 * q));
            money("service_revenue", revenue * (0.20 + 0.12 * q) * noise(0.03));
            money("total_cost", revenue * (1.02 - 0.12 * q) * noise(0.02));
            staff(physicians, nurses, technicians);
            score("outpatient_satisfaction", 82 + 12 * q, 1.2);
            score("inpatient_satisfaction", 84 + 12 * q, 1.0);
            put("downward_referrals", poisson(visits * 0.004 * (0.6 + q)));
            put("support_days", poisson(4 + 8 * q));
            long tasks = 4 + random.nextInt(4);
            put("public_health_tasks", tasks);
            put("public_health_tasks_done", tasks - (random.nextDouble() < 0.4 * (1 - q) ? 1 : 0));
            brand(15 + 65 * b);
            put("patient_complaints", poisson(visits * 0.0005 * (1.7 - 1.2 * q)));
            put("outside_area_patients", Math.round(visits * (0.04 + 0.3 * b) * noise(0.05)));
        }

        void technology() {
            double season = Season.NONE.factor(month.getMonthValue());
            long exams = Math.round(d.volume() * season * (1 + 0.05 * t) * noise(0.04));
            put("exams", exams);
            put("report_hours", BigDecimal.valueOf(d.reportHours() * (1.3 - 0.5 * q) * noise(0.05))
                    .setScale(1, RoundingMode.HALF_UP));
            if (d.largeEquipment() > 0) {
                long large = Math.round(d.largeEquipment() * season * noise(0.04));
                put("large_equipment_exams", large);
                put("large_equipment_positive", Math.round(large * Math.min(0.95,
                        (d.code().equals("D-NM") ? 0.72 : 0.62) * (0.9 + 0.15 * q)) * noise(0.02)));
            }
            long critical = Math.max(1, poisson(d.criticalValues() * season));
            put("critical_values", critical);
            put("critical_values_timely", critical - Math.min(critical,
                    Math.round(critical * (0.12 - 0.1 * q) * noise(0.3))));
            if (d.eqaItems() > 0) {
                put("eqa_items_passed", d.eqaItems() + (t > 0.5 ? 2 : 0));
            }
            double revenue = exams * d.price();
            money("medical_revenue", revenue);
            money("service_revenue", revenue * 0.15 * noise(0.03));
            money("total_cost", revenue * (0.95 - 0.15 * q) * noise(0.02));
            int physicians = Math.max(1, d.technicians() / 4);
            staff(physicians, Math.max(1, d.technicians() / 10), d.technicians());
            score("outpatient_satisfaction", 80 + 14 * q, 1.2);
            brand(8 + 40 * b);
            put("patient_complaints", poisson(exams * 0.00003 * (1.7 - 1.2 * q)));
        }

        private void staff(int physicians, int nurses, int technicians) {
            put("physicians", physicians);
            put("nurses", nurses);
            put("health_technicians", technicians);
            put("senior_staff", Math.round(technicians * (0.18 + 0.15 * q)));
            put("research_funding", random.nextDouble() < 0.15 + 0.25 * q
                    ? Math.round((50_000 + random.nextDouble() * 400_000) * (0.5 + q) / 1000) * 1000 : 0);
            put("papers", poisson(0.3 + 1.2 * q + 0.5 * b));
            score("staff_satisfaction", 72 + 14 * q, 1.5);
        }

        /** The brand survey and the month's brand events, with awareness around {@code awareness} per cent. */
        private void brand(double awareness) {
            score("awareness_rate", awareness, 3);
            score("recommend_rate", Math.min(98, 55 + 25 * b + 15 * q), 2);
            put("online_rating", BigDecimal.valueOf(Math.min(5.0, 3.5 + 0.9 * b + 0.5 * q + gauss(0.08)))
                    .setScale(1, RoundingMode.HALF_UP));
            put("positive_media_reports", poisson(0.2 + 3.5 * b));
            put("conference_talks", poisson(0.3 + 2.5 * b));
            put("health_education_sessions", poisson(0.8 + 2.5 * b + 0.5 * q));
        }

        private void score(String measure, double mean, double sd) {
            put(measure, BigDecimal.valueOf(Math.max(0, Math.min(99.5, mean + gauss(sd))))
                    .setScale(1, RoundingMode.HALF_UP));
        }

        private void money(String measure, double yuan) {
            put(measure, Math.round(yuan));
        }

        private void put(String measure, long value) {
            put(measure, BigDecimal.valueOf(value));
        }

        private void put(String measure, BigDecimal value) {
            out.add(new RawStatistic(d.code(), month.toString(), measure, value, null, null));
        }

        private double noise(double relative) {
            return 1 + gauss(relative);
        }

        private double gauss(double sd) {
            return Math.max(-2.5, Math.min(2.5, random.nextGaussian())) * sd;
        }

        private long poisson(double mean) {
            if (mean > 30) {
                return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
            }
            double limit = Math.exp(-mean);
            double p = random.nextDouble();
            long n = 0;
            while (p > limit) {
                p *= random.nextDouble();
                n++;
            }
            return n;
        }
    }
}
