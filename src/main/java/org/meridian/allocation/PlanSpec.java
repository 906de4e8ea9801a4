package org.meridian.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.allocation.method.BoundedAllocation;
import org.meridian.shared.Period;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * What a planner asks for: a scenario name, the resource and its amount (money to the fen, or whole units), the period
 * whose published evaluations (and efficiency runs) give the driver, the department or institution types whose units
 * share it, the rule (a weighted driver, or parts per tier), floors, caps and the largest change against the last
 * approved plan; the statistic measure whose forecast is each unit's demand ({@code demandMeasure}) and the measure its
 * equity is taken per head of ({@code equityPer}), both optional ({@link #withMeasures}). Whether the units, their data
 * and these measures exist is the facade's to check; the bounds against the amount too.
 */
public record PlanSpec(String name, String resource, BoundedAllocation.Unit unit, BigDecimal amount, Period period,
        List<UnitType> unitTypes, PlanRule rule, DriverWeights weights, Map<String, BigDecimal> tiers,
        PlanBounds bounds, BigDecimal maxChange, boolean payPool, String demandMeasure, String equityPer) {

    public static final int NAME_MAX = 100;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");
    static final BigDecimal MAX_CHANGE = BigDecimal.TEN;

    public PlanSpec {
        unitTypes = List.copyOf(unitTypes);
        tiers = tiers == null ? null : Map.copyOf(tiers);
    }

    /** As {@link #parse(String, String, String, String, String, List, String, Map, Map, String, String, Map, Map,
     * String, boolean)} for a plan that is not a pay pool. */
    public static PlanSpec parse(String name, String resource, String unit, String amount, String period,
            List<String> unitTypes, String rule, Map<String, String> weights, Map<String, String> tiers, String floor,
            String cap, Map<String, String> floors, Map<String, String> caps, String maxChange) {
        return parse(name, resource, unit, amount, period, unitTypes, rule, weights, tiers, floor, cap, floors, caps,
                maxChange, false);
    }

    /**
     * Reads the request's text (numbers as written; a thousands separator "," is allowed), every problem at once
     * (400, module {@code allocation}). Paths: {@code name}, {@code resource}, {@code unit}, {@code amount},
     * {@code period}, {@code unitTypes}, {@code rule}, {@code driver.performance} (…), {@code tiers.A}, {@code floors},
     * {@code caps}, {@code floors.D1}, {@code caps.D1}, {@code maxChange}.
     *
     * @param weights null for the {@link DriverWeights#DEFAULT}s; a part left out of it is 0
     * @param payPool  a performance-pay pool: money, departments only, by the driver with a brand weight above 0
     */
    public static PlanSpec parse(String name, String resource, String unit, String amount, String period,
            List<String> unitTypes, String rule, Map<String, String> weights, Map<String, String> tiers, String floor,
            String cap, Map<String, String> floors, Map<String, String> caps, String maxChange, boolean payPool) {
        List<Problem> problems = new ArrayList<>();
        String n = text("name", name, problems);
        String r = text("resource", resource, problems);
        BoundedAllocation.Unit u = choice("unit", unit, BoundedAllocation.Unit.class, BoundedAllocation.Unit.CNY,
                problems);
        BigDecimal a = number("amount", amount, true, problems);
        if (a != null) {
            if (a.signum() <= 0) {
                problems.add(Problem.of("amount", "allocation.plan.error.amountPositive"));
            } else if (u == BoundedAllocation.Unit.CNY && a.stripTrailingZeros().scale() > 2) {
                problems.add(Problem.of("amount", "allocation.allocate.budgetFen", a.toPlainString()));
            } else if (u == BoundedAllocation.Unit.WHOLE && a.stripTrailingZeros().scale() > 0) {
                problems.add(Problem.of("amount", "allocation.allocate.budgetWhole", a.toPlainString()));
            }
        }
        Period p = null;
        if (period == null || period.isBlank()) {
            problems.add(Problem.of("period", "allocation.method.required"));
        } else {
            p = Period.parse(period.strip()).orElse(null);
            if (p == null) {
                problems.add(Problem.of("period", "allocation.plan.error.period", period.strip()));
            }
        }
        List<UnitType> types = unitTypes(unitTypes, problems);
        PlanRule ru = choice("rule", rule, PlanRule.class, PlanRule.DRIVER, problems);
        DriverWeights w = null;
        Map<String, BigDecimal> t = null;
        if (ru == PlanRule.DRIVER) {
            w = weights == null ? DriverWeights.DEFAULT : weights(weights, problems);
        } else {
            t = tiers(tiers, problems);
        }
        BigDecimal f = floor == null || floor.isBlank() ? null : number("floors", floor, false, problems);
        BigDecimal c = cap == null || cap.isBlank() ? null : number("caps", cap, false, problems);
        Map<String, BigDecimal> fs = perUnit("floors", floors, problems);
        Map<String, BigDecimal> cs = perUnit("caps", caps, problems);
        if (f != null && c != null && f.compareTo(c) > 0) {
            problems.add(Problem.of("floors", "allocation.plan.error.floorAboveCap", plain(f), plain(c)));
        }
        BigDecimal m = null;
        if (maxChange != null && !maxChange.isBlank()) {
            m = number("maxChange", maxChange, false, problems);
            if (m != null && m.compareTo(MAX_CHANGE) > 0) {
                problems.add(Problem.of("maxChange", "allocation.method.tooLarge", plain(m), plain(MAX_CHANGE)));
            }
        }
        if (payPool) {
            if (u != BoundedAllocation.Unit.CNY) {
                problems.add(Problem.of("unit", "allocation.pool.error.money"));
            }
            if (ru != PlanRule.DRIVER) {
                problems.add(Problem.of("rule", "allocation.pool.error.rule"));
            } else if (w != null && w.brand().signum() == 0) {
                problems.add(Problem.of("driver.brand", "allocation.pool.error.brand"));
            }
            for (UnitType type : types) {
                if (type.kind() != UnitKind.DEPARTMENT) {
                    problems.add(Problem.of("unitTypes", "allocation.pool.error.departments", type.name()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        return new PlanSpec(n, r, u, a, p, types, ru, w, t, new PlanBounds(f, c, fs, cs), m, payPool, null, null);
    }

    /**
     * The same plan with the measure whose forecast is the units' demand and the measure of equity per head (each
     * null or blank for none); a text that cannot be a measure code (letters, digits and {@code _}, at most 64) is
     * refused on {@code demandMeasure} or {@code equityPer}.
     */
    public PlanSpec withMeasures(String demand, String perHead) {
        List<Problem> problems = new ArrayList<>();
        String d = code("demandMeasure", demand, problems);
        String e = code("equityPer", perHead, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("allocation", problems);
        }
        return new PlanSpec(name, resource, unit, amount, period, unitTypes, rule, weights, tiers, bounds, maxChange,
                payPool, d, e);
    }

    private static String code(String path, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        if (!v.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            problems.add(Problem.of(path, "allocation.plan.error.measureCode", v));
            return null;
        }
        return v;
    }

    private static String text(String path, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(path, "allocation.method.required"));
            return null;
        }
        String v = value.strip();
        if (v.length() > NAME_MAX) {
            problems.add(Problem.of(path, "allocation.plan.error.tooLong", NAME_MAX));
        }
        return v;
    }

    /** A number ≥ 0 below 10^15 as written (thousands separators allowed); null with a problem when it is not. */
    static BigDecimal number(String path, String text, boolean required, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(Problem.of(path, "allocation.method.required"));
            }
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(Problem.of(path, "allocation.plan.error.number", text.strip()));
            return null;
        }
        if (v.signum() < 0) {
            problems.add(Problem.of(path, "allocation.method.negative", plain(v)));
            return null;
        }
        if (v.compareTo(MAX_AMOUNT) >= 0 || v.stripTrailingZeros().scale() > 6) {
            problems.add(Problem.of(path, "allocation.plan.error.range", plain(v)));
            return null;
        }
        return v;
    }

    private static List<UnitType> unitTypes(List<String> values, List<Problem> problems) {
        LinkedHashSet<UnitType> types = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    continue;
                }
                UnitType found = null;
                for (UnitType t : UnitType.values()) {
                    if (t.kind() != UnitKind.CHANNEL && t.name().equalsIgnoreCase(v.strip())) {
                        found = t;
                    }
                }
                if (found == null) {
                    problems.add(Problem.of("unitTypes", "allocation.plan.error.unitType", v.strip()));
                } else {
                    types.add(found);
                }
            }
        }
        if (types.isEmpty() && problems.stream().noneMatch(p -> p.path().equals("unitTypes"))) {
            problems.add(Problem.of("unitTypes", "allocation.plan.error.noUnitType"));
        }
        return List.copyOf(types);
    }

    private static DriverWeights weights(Map<String, String> weights, List<Problem> problems) {
        for (String k : weights.keySet()) {
            if (!List.of("performance", "brand", "efficiency", "demand").contains(k)) {
                problems.add(Problem.of("driver." + k, "allocation.plan.error.unknownPart", k));
            }
        }
        BigDecimal p = weight("performance", weights, problems);
        BigDecimal b = weight("brand", weights, problems);
        BigDecimal e = weight("efficiency", weights, problems);
        BigDecimal d = weight("demand", weights, problems);
        if (p == null || b == null || e == null || d == null) {
            return null;
        }
        DriverWeights w = new DriverWeights(p, b, e, d);
        if (w.total().signum() == 0) {
            problems.add(Problem.of("driver", "allocation.plan.error.allWeightsZero"));
        }
        return w;
    }

    private static BigDecimal weight(String part, Map<String, String> weights, List<Problem> problems) {
        String text = weights.get(part);
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        return number("driver." + part, text, false, problems);
    }

    private static Map<String, BigDecimal> tiers(Map<String, String> tiers, List<Problem> problems) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (tiers == null || tiers.isEmpty()) {
            problems.add(Problem.of("tiers", "allocation.plan.error.noTiers"));
            return out;
        }
        for (Map.Entry<String, String> e : tiers.entrySet()) {
            String tier = e.getKey() == null ? "" : e.getKey().strip();
            BigDecimal v = number("tiers." + tier, e.getValue(), false, problems);
            if (!tier.isEmpty() && v != null) {
                out.put(tier, v);
            }
        }
        if (!out.isEmpty() && out.values().stream().allMatch(v -> v.signum() == 0)) {
            problems.add(Problem.of("tiers", "allocation.plan.error.allTiersZero"));
        }
        return out;
    }

    private static Map<String, BigDecimal> perUnit(String path, Map<String, String> values, List<Problem> problems) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (values == null) {
            return out;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String code = e.getKey() == null ? "" : e.getKey().strip();
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            BigDecimal v = number(path + "." + code, e.getValue(), false, problems);
            if (v != null) {
                out.put(code, v);
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E choice(String path, String value, Class<E> type, E absent,
            List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        problems.add(Problem.of(path, "allocation.method.unknown", value.strip(),
                String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        return absent;
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
