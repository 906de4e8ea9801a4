package org.meridian.evaluation.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationMatrix;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.Matrix;
import org.meridian.evaluation.MatrixThresholdsSet;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.Quadrant;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The performance–brand matrix page (绩效–品牌矩阵) of an evaluation: a scatter of the units with the threshold lines,
 * the quadrant names and each unit's move from the period before as an arrow; the units and the moves between
 * quadrants as lists; links to the matrices of the other unit types of the period; and, for CHANNEL_MANAGER, the
 * form that fixes the thresholds of the unit type. Reading needs ANALYST.
 */
@Controller
@RequestMapping("/evaluations/{id}/matrix")
@PreAuthorize("hasRole('ANALYST')")
class MatrixPages {

    /** The colour of each quadrant, on the chart and on the badges. */
    static final Map<Quadrant, String> COLOURS = Map.of(Quadrant.STAR, "#2f7d5b", Quadrant.UNDER_RECOGNISED,
            "#3b6ea5", Quadrant.BRAND_AT_RISK, "#c98a1b", Quadrant.WEAK, "#b5523b");

    private final EvaluationMatrix matrices;
    private final EvaluationResults results;
    private final MessageSource messages;
    private final ProblemTexts texts;
    private final JsonMapper json;

    MatrixPages(EvaluationMatrix matrices, EvaluationResults results, MessageSource messages,
                ProblemTexts texts, JsonMapper json) {
        this.matrices = matrices;
        this.results = results;
        this.messages = messages;
        this.texts = texts;
        this.json = json;
    }

    /** One unit as the page lists it. */
    record Row(String unit, String name, String performance, String brand, Quadrant quadrant,
               Quadrant previousQuadrant, boolean moved) {
    }

    /** The matrix of another unit type of the same period. */
    record TypeLink(UnitType unitType, long evaluationId, boolean current) {
    }

    @GetMapping
    String page(Actor actor, @PathVariable long id, Model model, Locale locale) {
        Matrix m = matrices.matrix(actor, id);
        return show(actor, m, text(m.setPerformance()), text(m.setBrand()), Map.of(), model, locale);
    }

    @PostMapping("/thresholds")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String thresholds(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String performance,
                      @RequestParam(defaultValue = "") String brand, Model model, Locale locale,
                      RedirectAttributes redirect) {
        Evaluation e = results.get(actor, id);
        try {
            matrices.setThresholds(actor, e.unitType(), MatrixThresholdsSet.parse(performance, brand));
        } catch (InvalidInputException problems) {
            return show(actor, matrices.matrix(actor, id), performance, brand, texts.byField(problems.problems()),
                    model, locale);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("evaluation.matrix.thresholds.saved", null, locale));
        return "redirect:/evaluations/" + id + "/matrix";
    }

    private String show(Actor actor, Matrix m, String performance, String brand, Map<String, String> errors,
                        Model model, Locale locale) {
        List<Row> rows = m.units().stream().map(u -> new Row(u.unit(), u.name(), text(u.performance()),
                text(u.brand()), u.quadrant(), u.previousQuadrant(), u.moved())).toList();
        model.addAttribute("activeNav", "evaluations");
        model.addAttribute("evaluation", m.evaluation());
        model.addAttribute("matrix", m);
        model.addAttribute("rows", rows);
        model.addAttribute("moves", rows.stream().filter(Row::moved).toList());
        model.addAttribute("performanceThreshold", Formula.show(m.performance()));
        model.addAttribute("brandThreshold", Formula.show(m.brand()));
        model.addAttribute("performance", performance);
        model.addAttribute("brand", brand);
        model.addAttribute("errors", errors);
        model.addAttribute("isOffice", actor.has(Role.CHANNEL_MANAGER));
        model.addAttribute("types", types(actor, m.evaluation()));
        model.addAttribute("colours", COLOURS);
        if (!m.units().isEmpty()) {
            model.addAttribute("chart", json.writeValueAsString(chart(m, locale)));
        }
        return "evaluations/matrix";
    }

    /** For each unit type evaluated in the same period, its version in force (else newest), this one marked. */
    private List<TypeLink> types(Actor actor, Evaluation e) {
        Map<UnitType, Evaluation> byType = new LinkedHashMap<>();
        for (Evaluation other : results.search(actor, e.period(), null, 0, 100).items()) {
            Evaluation seen = byType.get(other.unitType());
            if (seen == null || (!seen.published() && other.published())) {
                byType.put(other.unitType(), other);
            }
        }
        byType.put(e.unitType(), e);
        List<TypeLink> links = new ArrayList<>();
        for (UnitType t : UnitType.values()) {
            Evaluation x = byType.get(t);
            if (x != null) {
                links.add(new TypeLink(t, x.id(), x.id() == e.id()));
            }
        }
        return links;
    }

    private Map<String, Object> chart(Matrix m, Locale locale) {
        double tp = m.performance().doubleValue();
        double tb = m.brand().doubleValue();
        List<Map<String, Object>> points = new ArrayList<>();
        List<Map<String, Object>> arrows = new ArrayList<>();
        for (Matrix.Unit u : m.units()) {
            Map<String, Object> p = NamedValues.of("name", u.name() == null ? u.unit() : u.name(),
                    "value", List.of(round2(u.performance()), round2(u.brand())),
                    "itemStyle", Map.of("color", COLOURS.get(u.quadrant())));
            points.add(p);
            if (u.previousPerformance() != null && u.previousBrand() != null) {
                arrows.add(Map.of("coords", List.of(List.of(round2(u.previousPerformance()),
                        round2(u.previousBrand())), List.of(round2(u.performance()), round2(u.brand())))));
            }
        }
        String performanceName = messages.getMessage("evaluation.col.performance", null, locale);
        String brandName = messages.getMessage("evaluation.col.brand", null, locale);
        Map<String, Object> o = NamedValues.of(
                "tooltip", Map.of("trigger", "item"),
                "grid", Map.of("left", 44, "right", 30, "top", 24, "bottom", 44),
                "xAxis", Map.of("type", "value", "min", 0, "max", 100, "name", performanceName,
                        "nameLocation", "middle", "nameGap", 26),
                "yAxis", Map.of("type", "value", "min", 0, "max", 100, "name", brandName,
                        "nameLocation", "middle", "nameGap", 30));
        Map<String, Object> scatter = NamedValues.of("type", "scatter",
                "name", messages.getMessage("evaluation.matrix.units", null, locale), "symbolSize", 12, "data", points);
        scatter.put("label", Map.of("show", true, "position", "right", "formatter", "{b}", "fontSize", 11));
        scatter.put("markLine", Map.of("silent", true, "symbol", "none",
                "lineStyle", Map.of("type", "dashed", "color", "#666"),
                "label", Map.of("formatter", "{c}"),
                "data", List.of(Map.of("xAxis", tp), Map.of("yAxis", tb))));
        scatter.put("markArea", Map.of("silent", true, "data", List.of(
                area(Quadrant.STAR, tp, tb, 100, 100, "insideTopRight", locale),
                area(Quadrant.UNDER_RECOGNISED, tp, 0, 100, tb, "insideBottomRight", locale),
                area(Quadrant.BRAND_AT_RISK, 0, tb, tp, 100, "insideTopLeft", locale),
                area(Quadrant.WEAK, 0, 0, tp, tb, "insideBottomLeft", locale))));
        List<Object> series = new ArrayList<>();
        series.add(scatter);
        if (!arrows.isEmpty()) {
            series.add(Map.of("type", "lines", "coordinateSystem", "cartesian2d", "silent", true,
                    "symbol", List.of("circle", "arrow"), "symbolSize", List.of(4, 10),
                    "lineStyle", Map.of("color", "#888", "width", 1, "opacity", 0.7), "data", arrows));
        }
        o.put("series", series);
        return o;
    }

    private List<Map<String, Object>> area(Quadrant q, double x1, double y1, double x2, double y2, String position,
                                           Locale locale) {
        String name = messages.getMessage("evaluation.quadrant." + q.name(), null, locale);
        return List.of(Map.of("name", name, "xAxis", x1, "yAxis", y1, "itemStyle",
                        Map.of("color", COLOURS.get(q), "opacity", 0.06),
                        "label", Map.of("position", position, "color", COLOURS.get(q), "fontWeight", "bold")),
                Map.of("xAxis", x2, "yAxis", y2));
    }

    private static BigDecimal round2(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static String text(BigDecimal v) {
        return v == null ? "" : Scorecard.round(v).toPlainString();
    }
}
