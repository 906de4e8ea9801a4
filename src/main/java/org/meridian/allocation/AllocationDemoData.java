package org.meridian.allocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.efficiency.EfficiencyAnalysis;
import org.meridian.efficiency.EfficiencyRun;
import org.meridian.efficiency.RunSpec;
import org.meridian.efficiency.RunStatus;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.security.MeridianUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: the 2027 equipment budget of the demo hospital's clinical departments (2027 年设备购置预算,
 * 3,000,000.00 yuan) in two scenarios drafted by the office ({@code office}) from the latest published quarter: A with
 * the default weights (performance 0.5, brand 0.25, efficiency 0.25) and every department between 50,000 and 400,000,
 * approved by the hospital manager ({@code manager}); B leaning on performance and demand (0.5, 0.15, 0.15 and the
 * forecast discharges 0.2, equity also per discharge) without a cap, left a draft to compare with. Efficiency comes from the quarter's published efficiency run of the clinical departments
 * (BCC, input oriented: open beds, physicians and nurses → discharges, outpatient visits and CMI-weighted cases),
 * run and published here when there is none; if that run cannot be made, both plans leave efficiency out. And the
 * quarter's department pay pool (科室绩效工资池, 1,200,000.00 yuan, performance 0.6, brand 0.3, efficiency 0.1, at least
 * 20,000 each), approved. Nothing is made when the hospital has a plan already.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("meridian.demo")
class AllocationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AllocationDemoData.class);
    static final String RESOURCE = "2027 年设备购置预算";
    static final String PAY_POOL = "科室绩效工资池";

    private final AllocationPlanning planning;
    private final EvaluationResults evaluations;
    private final EfficiencyAnalysis efficiency;
    private final UserDetailsService users;

    AllocationDemoData(AllocationPlanning planning, EvaluationResults evaluations, EfficiencyAnalysis efficiency,
            UserDetailsService users) {
        this.planning = planning;
        this.evaluations = evaluations;
        this.efficiency = efficiency;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(users.loadUserByUsername("office") instanceof MeridianUser office)
                || !(users.loadUserByUsername("manager") instanceof MeridianUser manager)) {
            return;
        }
        Actor planner = office.actor();
        if (planning.search(planner, null, null, 0, 1).total() > 0) {
            return;
        }
        Optional<Period> quarter = evaluations.search(planner, null, UnitType.CLINICAL, 0, 200).items().stream()
                .filter(Evaluation::published).map(Evaluation::period)
                .filter(p -> p.kind() == Period.Kind.QUARTER).max(Period::compareTo);
        if (quarter.isEmpty()) {
            return;
        }
        String period = quarter.get().toString();
        AllocationPlan a;
        try {
            a = scenarios(planner, period, efficiencyRun(planner, quarter.get()));
        } catch (InvalidInputException e) {
            log.warn("Demo: the plans with efficiency were refused ({}); drafted without it", e.getMessage());
            a = scenarios(planner, period, false);
        }
        planning.approve(manager.actor(), a.id());
        Map<String, String> pay = new java.util.LinkedHashMap<>();
        pay.put("performance", "0.6");
        pay.put("brand", "0.3");
        pay.put("efficiency", a.sources().size() > 1 ? "0.1" : "0");
        AllocationPlan pool = planning.draft(planner, PlanSpec.parse("科室绩效工资（与品牌挂钩）", PAY_POOL, "CNY",
                "1200000.00", period, List.of(UnitType.CLINICAL.name()), "DRIVER", pay, null, "20000", null, null,
                null, null, true));
        planning.approve(manager.actor(), pool.id());
        log.info("Demo: the {} plans of {} drafted, scenario A approved", RESOURCE, period);
    }

    /** Drafts scenarios A and B (B first, so that A is the newer draft) and returns A. */
    private AllocationPlan scenarios(Actor planner, String period, boolean withEfficiency) {
        String weightA = withEfficiency ? "0.25" : "0";
        String weightB = withEfficiency ? "0.15" : "0";
        // B also weighs each department's forecast demand (discharges of the month after the quarter, from its
        // monthly statistics) and shows equity per discharge; without those statistics it leans on performance alone
        try {
            planning.draft(planner, PlanSpec.parse("方案乙：侧重绩效与需求，不设上限", RESOURCE, "CNY", "3000000.00",
                    period, List.of(UnitType.CLINICAL.name()), "DRIVER", Map.of("performance", "0.5", "brand", "0.15",
                            "efficiency", weightB, "demand", "0.2"), null, "50000", null, null, null, null)
                    .withMeasures("discharges", "discharges"));
        } catch (InvalidInputException e) {
            log.warn("Demo: scenario B without demand ({})", e.getMessage());
            planning.draft(planner, PlanSpec.parse("方案乙：侧重绩效，不设上限", RESOURCE, "CNY", "3000000.00", period,
                    List.of(UnitType.CLINICAL.name()), "DRIVER",
                    Map.of("performance", "0.7", "brand", "0.15", "efficiency", weightB), null, "50000", null, null,
                    null, null));
        }
        return planning.draft(planner, PlanSpec.parse("方案甲：默认权重，每科 5 万至 40 万", RESOURCE, "CNY",
                "3000000.00", period, List.of(UnitType.CLINICAL.name()), "DRIVER",
                Map.of("performance", "0.5", "brand", "0.25", "efficiency", weightA), null, "50000", "400000",
                null, null, null));
    }

    /** A published efficiency run of the quarter's clinical departments, made here if missing; false if it fails. */
    private boolean efficiencyRun(Actor planner, Period quarter) {
        List<EfficiencyRun> published = efficiency.search(planner, quarter, UnitType.CLINICAL, RunStatus.PUBLISHED,
                0, 1).items();
        if (!published.isEmpty()) {
            return true;
        }
        try {
            EfficiencyRun run = efficiency.run(planner, RunSpec.parse(quarter.toString(), UnitType.CLINICAL.name(),
                    List.of("open_beds", "physicians", "nurses"),
                    List.of("discharges", "outpatient_visits", "cmi_weight"), "BCC", "INPUT", true));
            efficiency.publish(planner, run.id());
            return true;
        } catch (InvalidInputException e) {
            log.warn("Demo: no efficiency run for {} ({}); the plans leave efficiency out", quarter, e.getMessage());
            return false;
        }
    }
}
