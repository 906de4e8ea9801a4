package org.meridian.allocation.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.meridian.allocation.AllocationPlan;
import org.meridian.allocation.AllocationPlanning;
import org.meridian.allocation.AllocationVisibility;
import org.meridian.allocation.PlanEquity;
import org.meridian.allocation.PlanRule;
import org.meridian.allocation.PlanShare;
import org.meridian.allocation.PlanSpec;
import org.meridian.allocation.PlanStatus;
import org.meridian.allocation.method.Inequality;
import org.meridian.indicator.CatalogueMeasure;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The allocation pages (资源配置): the plans (paged, filtered by status and resource; cards on a phone), the form that
 * drafts one (or another scenario from an existing plan), a plan's page (each unit's amount and why, the change
 * against the last approved plan, equity before and after with the Lorenz curve, approval by a second person) with
 * its XLSX export, and two plans side by side. Reading needs ANALYST, drafting CHANNEL_MANAGER, approving
 * HOSPITAL_MANAGER.
 */
@Controller
@RequestMapping("/allocation")
@PreAuthorize("hasRole('ANALYST')")
class AllocationPages {

    static final int PAGE_SIZE = 20;
    private static final MathContext MC = MathContext.DECIMAL64;

    private final AllocationPlanning planning;
    private final MessageSource messages;
    private final ProblemTexts texts;
    private final JsonMapper json;

    AllocationPages(AllocationPlanning planning, MessageSource messages, ProblemTexts texts, JsonMapper json) {
        this.planning = planning;
        this.messages = messages;
        this.texts = texts;
        this.json = json;
    }

    @ModelAttribute
    void common(Actor actor, Model model) {
        model.addAttribute("activeNav", "allocation");
        model.addAttribute("canDraft", AllocationVisibility.draftsPlans(actor));
    }

    // ---- the plans -----------------------------------------------------------------------------

    @GetMapping({"", "/plans"})
    String plans(Actor actor, @RequestParam(required = false) String status,
            @RequestParam(required = false) String resource, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        PlanStatus s = null;
        if (status != null && !status.isBlank()) {
            for (PlanStatus x : PlanStatus.values()) {
                if (x.name().equals(status.strip())) {
                    s = x;
                }
            }
        }
        String r = resource == null || resource.isBlank() ? null : resource.strip();
        Paged<AllocationPlan> result = planning.search(actor, s, r, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("status", s == null ? null : s.name());
        model.addAttribute("resource", r);
        model.addAttribute("filtered", s != null || r != null);
        model.addAttribute("result", result);
        PlanWords words = new PlanWords(messages, locale);
        Map<Long, String> amounts = new LinkedHashMap<>();
        for (AllocationPlan p : result.items()) {
            amounts.put(p.id(), words.amountWithUnit(p, p.amount()));
        }
        model.addAttribute("amounts", amounts);
        return htmx != null ? "allocation/plans :: results" : "allocation/plans";
    }

    @GetMapping("/plans/new")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String newPlan(Actor actor, @RequestParam(required = false) Long from, Model model, Locale locale) {
        PlanForm form = new PlanForm();
        if (from != null) {
            copy(planning.get(actor, from), form);
        }
        return form(actor, model, form, Map.of(), locale);
    }

    @PostMapping("/plans/new")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String draft(Actor actor, @ModelAttribute("form") PlanForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            boolean tiers = PlanRule.TIERS.name().equals(form.getRule());
            Map<String, String> weights = new LinkedHashMap<>();
            weights.put("performance", form.getPerformance());
            weights.put("brand", form.getBrand());
            weights.put("efficiency", form.getEfficiency());
            weights.put("demand", form.getDemand());
            AllocationPlan plan = planning.draft(actor, PlanSpec.parse(form.getName(), form.getResource(),
                    form.getUnit(), form.getAmount(), form.getPeriod(), form.getUnitTypes(), form.getRule(),
                    tiers ? null : weights, tiers ? tierParts(form.getTiers()) : null, form.getFloor(),
                    form.getCap(), null, null, percent(form.getMaxChange()), form.isPayPool())
                    .withMeasures(form.getDemandMeasure(), form.getEquityPer()));
            redirect.addFlashAttribute("notice", "allocation.notice.drafted");
            return "redirect:/allocation/plans/" + plan.id();
        } catch (InvalidInputException e) {
            return form(actor, model, form, texts.byField(e.problems(), "；", AllocationPages::field), locale);
        }
    }

    /** A measure to choose on the form: its code and its name in the reader's language. */
    record MeasureChoice(String code, String name) {
    }

    private String form(Actor actor, Model model, PlanForm form, Map<String, String> errors, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<MeasureChoice> statistics = new ArrayList<>();
        List<MeasureChoice> all = new ArrayList<>();
        for (CatalogueMeasure m : planning.measures(actor)) {
            MeasureChoice c = new MeasureChoice(m.code(), english && m.nameEn() != null ? m.nameEn() : m.nameZh());
            all.add(c);
            if (m.source() == CatalogueMeasure.Source.STATISTIC) {
                statistics.add(c);
            }
        }
        model.addAttribute("demandMeasures", statistics);
        model.addAttribute("perHeadMeasures", all);
        List<UnitType> types = new ArrayList<>(UnitType.of(UnitKind.DEPARTMENT));
        types.addAll(UnitType.of(UnitKind.INSTITUTION));
        model.addAttribute("unitTypeChoices", types);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "allocation/new";
    }

    /** Fills the form from a plan, for another scenario of the same resource. */
    private static void copy(AllocationPlan p, PlanForm f) {
        f.setResource(p.resource());
        f.setPayPool(p.payPool());
        f.setUnit(p.unit().name());
        f.setAmount(p.money() ? p.amount().toPlainString() : p.amount().stripTrailingZeros().toPlainString());
        f.setPeriod(p.period().toString());
        f.setUnitTypes(new ArrayList<>(p.unitTypes().stream().map(Enum::name).toList()));
        f.setRule(p.rule().name());
        if (p.weights() != null) {
            f.setPerformance(p.weights().performance().stripTrailingZeros().toPlainString());
            f.setBrand(p.weights().brand().stripTrailingZeros().toPlainString());
            f.setEfficiency(p.weights().efficiency().stripTrailingZeros().toPlainString());
            f.setDemand(p.weights().demand().stripTrailingZeros().toPlainString());
        }
        f.setDemandMeasure(p.demandMeasure());
        f.setEquityPer(p.equityPer());
        if (p.tiers() != null) {
            List<String> parts = new ArrayList<>();
            p.tiers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> parts.add(e.getKey() + "="
                    + e.getValue().stripTrailingZeros().toPlainString()));
            f.setTiers(String.join("，", parts));
        }
        f.setFloor(p.bounds().floor() == null ? null : p.bounds().floor().toPlainString());
        f.setCap(p.bounds().cap() == null ? null : p.bounds().cap().toPlainString());
        f.setMaxChange(p.maxChange() == null ? null
                : p.maxChange().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString());
    }

    /** "A=3，B=2，C=1" (also ":" or "：", separated by commas, semicolons or spaces) as parts by tier. */
    static Map<String, String> tierParts(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String piece : text.split("[,，;；\\s]+")) {
            if (piece.isBlank()) {
                continue;
            }
            String[] kv = piece.split("[=:：]", 2);
            out.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
        }
        return out;
    }

    /** The maximum change as typed in per cent, as the fraction the plan takes (a text that is no number as it is). */
    static String percent(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace("%", "")).divide(BigDecimal.valueOf(100), MC)
                    .toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    // ---- one plan --------------------------------------------------------------------------------

    /** One unit's line on the plan page and in the workbook, as a person reads it. */
    record Row(PlanShare share, String amount, String previous, String change, String why, String performance,
            String brand, String efficiency, String driver, String demand, String population) {
    }

    static List<Row> rows(AllocationPlan plan, List<PlanShare> shares, PlanWords words) {
        PlanWords.Totals totals = PlanWords.Totals.of(shares);
        List<Row> rows = new ArrayList<>();
        for (PlanShare s : shares) {
            rows.add(new Row(s, PlanWords.amount(plan, s.amount()), PlanWords.amount(plan, s.previousAmount()),
                    words.change(s), words.why(plan, s, totals), PlanWords.decimals(s.performance(), 2),
                    PlanWords.decimals(s.brand(), 2),
                    s.efficiency() == null ? "—" : PlanWords.decimals(s.efficiency(), 3),
                    PlanWords.percent(s.driver()), PlanWords.quantity(s.demand()),
                    PlanWords.quantity(s.population())));
        }
        return rows;
    }

    @GetMapping("/plans/{id}")
    String plan(Actor actor, @PathVariable long id, Model model, Locale locale) {
        AllocationPlan plan = planning.get(actor, id);
        List<PlanShare> shares = planning.shares(actor, id);
        PlanEquity equity = planning.equity(actor, id);
        PlanWords words = new PlanWords(messages, locale);
        model.addAttribute("plan", plan);
        model.addAttribute("rows", rows(plan, shares, words));
        model.addAttribute("amount", words.amountWithUnit(plan, plan.amount()));
        model.addAttribute("ruleText", words.rule(plan));
        model.addAttribute("typesText", String.join(words.text("allocation.words.and"),
                plan.unitTypes().stream().map(t -> words.text("unitType." + t.name())).toList()));
        model.addAttribute("boundsText", bounds(plan, words));
        model.addAttribute("equity", equityRows(equity.before(), equity.after()));
        model.addAttribute("perHead", equity.afterPerHead() == null ? null
                : equityRows(equity.beforePerHead(), equity.afterPerHead()));
        model.addAttribute("perHeadText", plan.equityPer() == null ? null
                : words.text("allocation.equity.perHeadIntro", measureName(actor, plan.equityPer(), locale)));
        model.addAttribute("perHeadBeforeNote", equity.previous() != null && equity.afterPerHead() != null
                && equity.beforePerHead() == null ? words.text("allocation.equity.perHeadNoBefore") : null);
        model.addAttribute("previous", equity.previous());
        List<Curve> curves = new ArrayList<>();
        if (equity.before() != null) {
            curves.add(new Curve(words.text("allocation.chart.before"), equity.before()));
        }
        curves.add(new Curve(words.text("allocation.chart.after"), equity.after()));
        model.addAttribute("lorenz", json.writeValueAsString(lorenz(words, curves)));
        if (equity.afterPerHead() != null) {
            // the grouped Lorenz curve per head: units by amount per head, x the cumulative share of the measure
            List<Curve> perHead = new ArrayList<>();
            if (equity.beforePerHead() != null) {
                perHead.add(new Curve(words.text("allocation.chart.before"), equity.beforePerHead()));
            }
            perHead.add(new Curve(words.text("allocation.chart.after"), equity.afterPerHead()));
            model.addAttribute("lorenzPerHead", json.writeValueAsString(lorenz(words, perHead,
                    words.text("allocation.chart.perHeadAxis", measureName(actor, plan.equityPer(), locale)))));
        }
        boolean approver = AllocationVisibility.approvesPlans(actor) && !plan.approved();
        model.addAttribute("canApprove", approver && FourEyes.allows(plan.draftedBy(), actor));
        model.addAttribute("ownDraft", approver && !FourEyes.allows(plan.draftedBy(), actor));
        List<AllocationPlan> others = planning.search(actor, null, plan.resource(), 0, 50).items().stream()
                .filter(p -> p.id() != id && p.resource().equals(plan.resource())).toList();
        model.addAttribute("others", others);
        List<String> notes = new ArrayList<>();
        if (plan.rule() == PlanRule.DRIVER && plan.demandMeasure() == null) {
            notes.add(words.text("allocation.plan.note.noForecast"));
        } else if (plan.demandMeasure() != null) {
            notes.add(words.text("allocation.plan.note.demand", measureName(actor, plan.demandMeasure(), locale),
                    plan.period().next().toString(), java.time.YearMonth.from(plan.period().lastDay()).toString()));
        }
        if (plan.maxChange() != null && plan.previousPlanId() == null) {
            notes.add(words.text("allocation.plan.note.noPrevious"));
        }
        model.addAttribute("notes", notes);
        return "allocation/plan";
    }

    private static String bounds(AllocationPlan plan, PlanWords words) {
        List<String> parts = new ArrayList<>();
        if (plan.bounds().floor() != null) {
            parts.add(words.text("allocation.words.floor", PlanWords.amount(plan, plan.bounds().floor())));
        }
        if (plan.bounds().cap() != null) {
            parts.add(words.text("allocation.words.cap", PlanWords.amount(plan, plan.bounds().cap())));
        }
        if (!plan.bounds().floors().isEmpty() || !plan.bounds().caps().isEmpty()) {
            parts.add(words.text("allocation.words.unitBounds",
                    plan.bounds().floors().size() + plan.bounds().caps().size()));
        }
        if (plan.maxChange() != null) {
            parts.add(words.text("allocation.words.maxChange", PlanWords.percent(plan.maxChange())));
        }
        return parts.isEmpty() ? words.text("allocation.words.noBounds") : String.join("；", parts);
    }

    /** Gini, Theil T and Theil L before and after, four decimals ("—" where there is no value). */
    record EquityRow(String key, String before, String after) {
    }

    static List<EquityRow> equityRows(Inequality.Result b, Inequality.Result a) {
        return List.of(
                new EquityRow("gini", b == null ? "—" : PlanWords.decimals(b.gini(), 4),
                        PlanWords.decimals(a.gini(), 4)),
                new EquityRow("theilT", b == null ? "—" : PlanWords.decimals(b.theilT(), 4),
                        PlanWords.decimals(a.theilT(), 4)),
                new EquityRow("theilL", b == null || b.theilL() == null ? "—" : PlanWords.decimals(b.theilL(), 4),
                        a.theilL() == null ? "—" : PlanWords.decimals(a.theilL(), 4)));
    }

    record Curve(String name, Inequality.Result result) {
    }

    /** The Lorenz curves (cumulative share of units → cumulative share of the resource) and the line of equality. */
    static Map<String, Object> lorenz(PlanWords words, List<Curve> curves) {
        return lorenz(words, curves, words.text("allocation.chart.units"));
    }

    /** The same, with x the cumulative share of what {@code xAxis} names (a measure, for equity per head). */
    static Map<String, Object> lorenz(PlanWords words, List<Curve> curves, String xAxis) {
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("type", "line", "name", words.text("allocation.chart.equality"), "symbol", "none",
                "lineStyle", Map.of("type", "dashed", "color", "#9aa5b1"), "data", List.of(List.of(0, 0),
                        List.of(1, 1))));
        for (Curve c : curves) {
            series.add(Map.of("type", "line", "name", c.name(), "data", c.result().lorenz().stream()
                    .map(p -> List.of(round(p.population()), round(p.resource()))).toList()));
        }
        Map<String, Object> o = NamedValues.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("bottom", 0));
        o.put("grid", Map.of("left", 48, "right", 16, "top", 36, "bottom", 64, "containLabel", true)); // room for the y axis name
        o.put("xAxis", Map.of("type", "value", "min", 0, "max", 1, "name", xAxis,
                "nameLocation", "middle", "nameGap", 26));
        o.put("yAxis", Map.of("type", "value", "min", 0, "max", 1, "name", words.text("allocation.chart.resource")));
        o.put("series", series);
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    @PostMapping("/plans/{id}/approve")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            planning.approve(actor, id);
            redirect.addFlashAttribute("notice", "allocation.notice.approved");
        } catch (RefusedException | ConflictException e) {
            redirect.addFlashAttribute("refusal", messages.getMessage(e.messageKey(), e.args().toArray(),
                    e.messageKey(), locale));
        }
        return "redirect:/allocation/plans/" + id;
    }

    @GetMapping("/plans/{id}/plan.xlsx")
    void export(Actor actor, @PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        AllocationPlan plan = planning.get(actor, id);
        List<PlanShare> shares = planning.shares(actor, id);
        PlanWords words = new PlanWords(messages, locale);
        PlanEquity equity = planning.equity(actor, id);
        planning.exported(actor, id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"allocation-plan-" + plan.id()
                + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            PlanWorkbook.write(out, plan, rows(plan, shares, words), equityRows(equity.before(), equity.after()),
                    equity.afterPerHead() == null ? null
                            : equityRows(equity.beforePerHead(), equity.afterPerHead()),
                    plan.equityPer() == null ? null
                            : words.text("allocation.equity.perHeadIntro", measureName(actor, plan.equityPer(), locale)),
                    words);
        }
    }

    /** One weighted part of a unit's driver on its statement: value, its share of the part, weight, contribution. */
    record Part(String key, String value, String share, String weight, String contribution) {
    }

    @GetMapping("/plans/{id}/units/{code}")
    String statement(Actor actor, @PathVariable long id, @PathVariable String code, Model model, Locale locale) {
        AllocationPlan plan = planning.get(actor, id);
        PlanShare mine = planning.share(actor, id, code);
        List<PlanShare> shares = planning.shares(actor, id);
        PlanWords words = new PlanWords(messages, locale);
        Row row = rows(plan, shares, words).stream().filter(r -> r.share().unitCode().equals(code)).findFirst()
                .orElseThrow();
        model.addAttribute("plan", plan);
        model.addAttribute("row", row);
        model.addAttribute("amount", words.amountWithUnit(plan, mine.amount()));
        model.addAttribute("shareOfTotal", PlanWords.percent(mine.amount().divide(plan.amount(), MC)));
        long above = shares.stream().filter(s -> s.amount().compareTo(mine.amount()) > 0).count();
        model.addAttribute("rank", words.text("allocation.statement.rankOf", above + 1, shares.size()));
        List<Part> parts = new ArrayList<>();
        if (plan.rule() == PlanRule.DRIVER) {
            PlanWords.Totals totals = PlanWords.Totals.of(shares);
            BigDecimal weights = plan.weights().total();
            addPart(parts, "performance", plan.weights().performance(), weights, mine.performance(),
                    totals.performance(), 2);
            addPart(parts, "brand", plan.weights().brand(), weights, mine.brand(), totals.brand(), 2);
            addPart(parts, "efficiency", plan.weights().efficiency(), weights,
                    mine.efficiency() == null ? null : BigDecimal.valueOf(mine.efficiency()), totals.efficiency(), 3);
            addPart(parts, "demand", plan.weights().demand(), weights, mine.demand(), totals.demand(), 1);
        }
        model.addAttribute("parts", parts);
        return "allocation/statement";
    }

    private static void addPart(List<Part> parts, String key, BigDecimal weight, BigDecimal weights, BigDecimal value,
            BigDecimal total, int scale) {
        if (weight.signum() == 0 || value == null || total.signum() == 0) {
            return;
        }
        BigDecimal share = value.divide(total, MC);
        BigDecimal w = weight.divide(weights, MC);
        parts.add(new Part(key, PlanWords.decimals(value, scale), PlanWords.percent(share), PlanWords.percent(w),
                PlanWords.percent(w.multiply(share, MC))));
    }

    // ---- two plans side by side ------------------------------------------------------------------

    /** One unit in both plans: its amount in each (— where it does not take part) and the difference b − a. */
    record CompareRow(String code, String name, String a, String b, String difference, String whyA, String whyB) {
    }

    @GetMapping("/compare")
    String compare(Actor actor, @RequestParam long a, @RequestParam long b, Model model, Locale locale) {
        AllocationPlan pa = planning.get(actor, a);
        AllocationPlan pb = planning.get(actor, b);
        PlanWords words = new PlanWords(messages, locale);
        List<Row> ra = rows(pa, planning.shares(actor, a), words);
        List<Row> rb = rows(pb, planning.shares(actor, b), words);
        Map<String, Row> byA = new LinkedHashMap<>();
        ra.forEach(r -> byA.put(r.share().unitCode(), r));
        Map<String, Row> byB = new LinkedHashMap<>();
        rb.forEach(r -> byB.put(r.share().unitCode(), r));
        LinkedHashSet<String> codes = new LinkedHashSet<>(byA.keySet());
        codes.addAll(byB.keySet());
        List<CompareRow> rows = new ArrayList<>();
        for (String code : codes) {
            Row x = byA.get(code);
            Row y = byB.get(code);
            BigDecimal va = x == null ? BigDecimal.ZERO : x.share().amount();
            BigDecimal vb = y == null ? BigDecimal.ZERO : y.share().amount();
            BigDecimal d = vb.subtract(va);
            String diff = (d.signum() > 0 ? "+" : d.signum() < 0 ? "−" : "") + PlanWords.amount(pb, d.abs());
            rows.add(new CompareRow(code, (x != null ? x : y).share().unitName(), x == null ? "—" : x.amount(),
                    y == null ? "—" : y.amount(), diff, x == null ? "—" : x.why(), y == null ? "—" : y.why()));
        }
        PlanEquity ea = planning.equity(actor, a);
        PlanEquity eb = planning.equity(actor, b);
        model.addAttribute("a", pa);
        model.addAttribute("b", pb);
        model.addAttribute("amountA", words.amountWithUnit(pa, pa.amount()));
        model.addAttribute("amountB", words.amountWithUnit(pb, pb.amount()));
        model.addAttribute("ruleA", words.rule(pa));
        model.addAttribute("ruleB", words.rule(pb));
        model.addAttribute("boundsA", bounds(pa, words));
        model.addAttribute("boundsB", bounds(pb, words));
        model.addAttribute("rows", rows);
        List<EquityRow> eqA = equityRows(ea.before(), ea.after());
        List<EquityRow> eqB = equityRows(eb.before(), eb.after());
        List<EquityRow> equity = new ArrayList<>();
        for (int i = 0; i < eqA.size(); i++) {
            equity.add(new EquityRow(eqA.get(i).key(), eqA.get(i).after(), eqB.get(i).after()));
        }
        model.addAttribute("equity", equity);
        model.addAttribute("lorenz", json.writeValueAsString(lorenz(words, List.of(
                new Curve(pa.name(), ea.after()), new Curve(pb.name(), eb.after())))));
        return "allocation/compare";
    }

    /** A measure's name in the reader's language, or its code when the catalogue no longer has it. */
    private String measureName(Actor actor, String code, Locale locale) {
        return planning.measures(actor).stream().filter(m -> m.code().equals(code)).findFirst()
                .map(m -> "en".equals(locale.getLanguage()) && m.nameEn() != null ? m.nameEn() : m.nameZh())
                .orElse(code);
    }

    /** The form field a problem belongs to: driver.brand → brand, floors.D1 → floor, tiers.A → tiers. */
    private static String field(String path) {
        if (path.startsWith("driver.")) {
            return path.substring("driver.".length());
        }
        if (path.startsWith("floors")) {
            return "floor";
        }
        if (path.startsWith("caps")) {
            return "cap";
        }
        if (path.startsWith("tiers")) {
            return "tiers";
        }
        return path;
    }
}
