package org.meridian.allocation.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.meridian.allocation.AllocationPlan;
import org.meridian.allocation.AllocationPlanning;
import org.meridian.allocation.PlanEquity;
import org.meridian.allocation.PlanShare;
import org.meridian.allocation.PlanSource;
import org.meridian.allocation.PlanSpec;
import org.meridian.allocation.PlanStatus;
import org.meridian.allocation.method.Inequality;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.Actor;
import org.meridian.shared.web.InputNumbers;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Allocation plans (network.md §5): drafting needs CHANNEL_MANAGER, approving HOSPITAL_MANAGER and another person than
 * the planner (four eyes), reading ANALYST. {@code floors} and {@code caps} are one amount for every unit or an object
 * of amounts by unit code; {@code driver} the weights of {@code performance}, {@code brand}, {@code efficiency} and
 * {@code demand} (absent: the defaults 0.5, 0.25, 0.25, 0), with {@code demandMeasure} (the statistic measure whose
 * forecast is each unit's demand) when demand has a weight; {@code rule: TIERS} with {@code tiers} (parts by tier)
 * instead; {@code equityPer}, a measure to take equity per head of as well. Amounts are exact to the fen (or whole
 * units); indices are not rounded.
 */
@RestController
class AllocationPlanApi {

    private final AllocationPlanning planning;
    private final MessageSource messages;

    AllocationPlanApi(AllocationPlanning planning, MessageSource messages) {
        this.planning = planning;
        this.messages = messages;
    }

    record PlanRequest(String name, String resource, String unit, JsonNode amount, String period,
            List<String> unitTypes, String rule, JsonNode driver, JsonNode tiers, JsonNode floors, JsonNode caps,
            JsonNode maxChange, Boolean payPool, String demandMeasure, String equityPer) {
    }

    record Note(String field, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ShareView(String unit, String name, String unitType, String tier, BigDecimal performance,
            BigDecimal brand, Double efficiency, BigDecimal demand, BigDecimal driver, BigDecimal previous,
            BigDecimal floor, BigDecimal cap, BigDecimal amount, String bound, Integer demandMonths,
            BigDecimal population) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EquityView(double gini, double theilT, Double theilL, List<Inequality.LorenzPoint> lorenz) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanView(long id, String name, String resource, boolean payPool, String unit, BigDecimal amount,
            String period,
            List<String> unitTypes, String rule, Map<String, BigDecimal> driver, Map<String, BigDecimal> tiers,
            BigDecimal floors, BigDecimal caps, Map<String, BigDecimal> unitFloors,
            Map<String, BigDecimal> unitCaps, BigDecimal maxChange, Long previousPlan, List<PlanSource> sources,
            PlanStatus status, Instant draftedAt, String draftedBy, Instant approvedAt, String approvedBy,
            String demandMeasure, String equityPer, List<ShareView> units, Map<String, EquityView> equity,
            Map<String, EquityView> equityPerHead, List<Note> notes) {
    }

    @PostMapping("/api/v1/allocation-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    PlanView draft(Actor actor, @RequestBody(required = false) PlanRequest body) {
        PlanRequest b = body == null ? new PlanRequest(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null) : body;
        List<Problem> problems = new ArrayList<>();
        Map<String, String> driver = b.driver() == null || b.driver().isNull() ? null
                : map("driver", b.driver(), problems);
        Map<String, String> tiers = b.tiers() == null || b.tiers().isNull() ? null : map("tiers", b.tiers(), problems);
        String floor = b.floors() != null && !b.floors().isObject() ? text(b.floors()) : null;
        String cap = b.caps() != null && !b.caps().isObject() ? text(b.caps()) : null;
        Map<String, String> floors = b.floors() != null && b.floors().isObject() ? map("floors", b.floors(), problems)
                : null;
        Map<String, String> caps = b.caps() != null && b.caps().isObject() ? map("caps", b.caps(), problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        AllocationPlan plan = planning.draft(actor, PlanSpec.parse(b.name(), b.resource(), b.unit(), text(b.amount()),
                b.period(), b.unitTypes(), b.rule(), driver, tiers, floor, cap, floors, caps, text(b.maxChange()),
                Boolean.TRUE.equals(b.payPool())).withMeasures(b.demandMeasure(), b.equityPer()));
        return view(actor, plan, true);
    }

    @PostMapping("/api/v1/allocation-plans/{id}/approve")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    PlanView approve(Actor actor, @PathVariable long id) {
        return view(actor, planning.approve(actor, id), false);
    }

    @GetMapping("/api/v1/allocation-plans")
    @PreAuthorize("hasRole('ANALYST')")
    Paged<PlanView> list(Actor actor, @RequestParam(required = false) String status,
            @RequestParam(required = false) String resource, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        return planning.search(actor, status(status), resource, page, size).map(p -> view(actor, p, false));
    }

    @GetMapping("/api/v1/allocation-plans/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    PlanView one(Actor actor, @PathVariable long id) {
        return view(actor, planning.get(actor, id), true);
    }

    /**
     * One unit's statement (分配单): its share with what it was computed from, its part of the plan's amount, its rank
     * among the plan's units (1 = the largest amount; equal amounts share a rank) and the plan it belongs to.
     */
    record StatementView(long plan, String planName, String resource, boolean payPool, PlanStatus status,
            String approvedBy, BigDecimal total, int units, int rank, BigDecimal shareOfTotal, ShareView share) {
    }

    @GetMapping("/api/v1/allocation-plans/{id}/units/{code}")
    @PreAuthorize("hasRole('ANALYST')")
    StatementView statement(Actor actor, @PathVariable long id, @PathVariable String code) {
        AllocationPlan p = planning.get(actor, id);
        PlanShare s = planning.share(actor, id, code);
        List<PlanShare> all = planning.shares(actor, id);
        int rank = 1 + (int) all.stream().filter(o -> o.amount().compareTo(s.amount()) > 0).count();
        return new StatementView(p.id(), p.name(), p.resource(), p.payPool(), p.status(), p.approvedBy(),
                amount(p, p.amount()), all.size(), rank,
                s.amount().divide(p.amount(), java.math.MathContext.DECIMAL64), shareView(p, s));
    }

    private static ShareView shareView(AllocationPlan p, PlanShare s) {
        return new ShareView(s.unitCode(), s.unitName(), s.unitType(), s.tier(), s.performance(), s.brand(),
                s.efficiency(), s.demand(), s.driver(), amount(p, s.previousAmount()), s.floor(), s.cap(),
                amount(p, s.amount()), s.bound() == null ? null : s.bound().name(), s.demandMonths(), s.population());
    }

    private static PlanStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        for (PlanStatus s : PlanStatus.values()) {
            if (s.name().equalsIgnoreCase(status.strip())) {
                return s;
            }
        }
        throw new InvalidInputException("allocation", List.of(Problem.of("status", "allocation.method.unknown",
                status.strip(), "DRAFT, APPROVED")));
    }

    private PlanView view(Actor actor, AllocationPlan p, boolean full) {
        List<ShareView> units = null;
        Map<String, EquityView> equity = null;
        Map<String, EquityView> perHead = null;
        if (full) {
            units = new ArrayList<>();
            for (PlanShare s : planning.shares(actor, p.id())) {
                units.add(shareView(p, s));
            }
            PlanEquity e = planning.equity(actor, p.id());
            equity = new LinkedHashMap<>();
            equity.put("after", equity(e.after()));
            if (e.before() != null) {
                equity.put("before", equity(e.before()));
            }
            if (e.afterPerHead() != null) {
                perHead = new LinkedHashMap<>();
                perHead.put("after", equity(e.afterPerHead()));
                if (e.beforePerHead() != null) {
                    perHead.put("before", equity(e.beforePerHead()));
                }
            }
        }
        Map<String, BigDecimal> driver = null;
        if (p.weights() != null) {
            driver = new LinkedHashMap<>();
            driver.put("performance", p.weights().performance());
            driver.put("brand", p.weights().brand());
            driver.put("efficiency", p.weights().efficiency());
            driver.put("demand", p.weights().demand());
        }
        List<Note> notes = new ArrayList<>();
        if (p.weights() != null && p.demandMeasure() == null) {
            notes.add(note(Problem.of("driver.demand", "allocation.plan.note.noForecast")));
        }
        if (p.maxChange() != null && p.previousPlanId() == null) {
            notes.add(note(Problem.of("maxChange", "allocation.plan.note.noPrevious")));
        }
        return new PlanView(p.id(), p.name(), p.resource(), p.payPool(), p.unit().name(), amount(p, p.amount()),
                p.period().toString(), p.unitTypes().stream().map(Enum::name).toList(), p.rule().name(), driver,
                p.tiers(), p.bounds().floor(), p.bounds().cap(), p.bounds().floors().isEmpty() ? null
                : p.bounds().floors(), p.bounds().caps().isEmpty() ? null : p.bounds().caps(), p.maxChange(),
                p.previousPlanId(), p.sources(), p.status(), p.draftedAt(), p.draftedBy(), p.approvedAt(),
                p.approvedBy(), p.demandMeasure(), p.equityPer(), units, equity, perHead, notes);
    }

    private static BigDecimal amount(AllocationPlan p, BigDecimal v) {
        return v == null ? null : v.setScale(p.money() ? 2 : 0, RoundingMode.UNNECESSARY);
    }

    private static EquityView equity(Inequality.Result r) {
        return new EquityView(r.gini(), r.theilT(), r.theilL(), r.lorenz());
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return InputNumbers.asText(n.decimalValue());
        }
        if (n.isString()) {
            return n.stringValue();
        }
        return n.toString();
    }

    private static Map<String, String> map(String field, JsonNode n, List<Problem> problems) {
        if (!n.isObject()) {
            problems.add(Problem.of(field, "allocation.plan.error.notObject"));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            out.put(e.getKey(), text(e.getValue()));
        }
        return out;
    }

    private Note note(Problem w) {
        return new Note(w.path(), messages.getMessage(w.messageKey(), w.args().toArray(), w.messageKey(),
                LocaleContextHolder.getLocale()));
    }
}
