package org.meridian.efficiency.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.meridian.shared.NamedValues;
import org.meridian.shared.web.Downloads;
import org.meridian.efficiency.EfficiencyAnalysis;
import org.meridian.efficiency.EfficiencyRun;
import org.meridian.efficiency.EfficiencyVisibility;
import org.meridian.efficiency.Productivity;
import org.meridian.efficiency.ProductivitySpec;
import org.meridian.efficiency.RunMeasure;
import org.meridian.efficiency.RunQuery;
import org.meridian.efficiency.RunSpec;
import org.meridian.efficiency.RunStatus;
import org.meridian.efficiency.UnitEfficiency;
import org.meridian.efficiency.method.DeaModel;
import org.meridian.efficiency.method.EfficiencyStatus;
import org.meridian.efficiency.method.Malmquist;
import org.meridian.efficiency.method.Orientation;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
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
 * The efficiency pages (效率评价): the runs (paged, filtered by period, unit type and status; cards on a phone), the
 * form that starts one (measures chosen by name), a run's page (each unit's efficiency and its decomposition, returns
 * to scale, targets and peers in words, a frontier chart of two chosen measures, the super-efficiency ranking) with
 * its XLSX export, and productivity across periods (Malmquist) as a chart. Reading needs ANALYST, starting and
 * publishing CHANNEL_MANAGER.
 */
@Controller
@RequestMapping("/efficiency")
@PreAuthorize("hasRole('ANALYST')")
class EfficiencyPages {

    static final int PAGE_SIZE = 20;

    private final EfficiencyAnalysis analysis;
    private final MessageSource messages;
    private final ProblemTexts texts;
    private final JsonMapper json;

    EfficiencyPages(EfficiencyAnalysis analysis, MessageSource messages, ProblemTexts texts, JsonMapper json) {
        this.analysis = analysis;
        this.messages = messages;
        this.texts = texts;
        this.json = json;
    }

    @ModelAttribute
    void common(Actor actor, Model model) {
        model.addAttribute("activeNav", "efficiency");
        model.addAttribute("canRun", EfficiencyVisibility.makesRuns(actor));
        List<UnitType> types = new ArrayList<>(UnitType.of(UnitKind.DEPARTMENT));
        types.addAll(UnitType.of(UnitKind.INSTITUTION));
        model.addAttribute("unitTypes", types);
        model.addAttribute("statuses", RunStatus.values());
        model.addAttribute("models", DeaModel.values());
        model.addAttribute("orientations", Orientation.values());
    }

    // ---- the runs ------------------------------------------------------------------------------

    @GetMapping({"", "/runs"})
    String runs(Actor actor, @RequestParam(required = false) String period,
            @RequestParam(required = false) String unitType, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        RunFilter filter = new RunFilter(period, unitType, status, page);
        RunQuery q;
        try {
            q = RunQuery.parse(filter.period(), filter.unitType(), filter.status());
        } catch (InvalidInputException e) {
            model.addAttribute("filterErrors", texts.byField(e.problems(), "；", EfficiencyPages::field).values());
            filter = new RunFilter(null, null, null, 0);
            q = new RunQuery(null, null, null);
        }
        Paged<EfficiencyRun> result = analysis.search(actor, q.period(), q.unitType(), q.status(), filter.page(),
                PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        Words words = new Words(messages, locale);
        Map<Long, String> measureTexts = new LinkedHashMap<>();
        for (EfficiencyRun r : result.items()) {
            measureTexts.put(r.id(), names(r.inputs(), words, locale) + " → " + names(r.outputs(), words, locale));
        }
        model.addAttribute("measureTexts", measureTexts);
        return htmx != null ? "efficiency/runs :: results" : "efficiency/runs";
    }

    @GetMapping("/runs/new")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String newRun(Actor actor, Model model) {
        RunForm form = new RunForm();
        form.setUnitType(UnitType.CLINICAL.name());
        return form(actor, model, form, Map.of());
    }

    @PostMapping("/runs/new")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String startRun(Actor actor, @ModelAttribute("form") RunForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            EfficiencyRun run = analysis.run(actor, RunSpec.parse(form.getPeriod(), form.getUnitType(),
                    form.getInputs(), form.getOutputs(), form.getModel(), form.getOrientation(),
                    form.isSuperEfficiency()));
            redirect.addFlashAttribute("notice", "efficiency.notice.ran");
            return "redirect:/efficiency/runs/" + run.id();
        } catch (InvalidInputException e) {
            return form(actor, model, form, texts.byField(e.problems(), "；", EfficiencyPages::field));
        }
    }

    private String form(Actor actor, Model model, RunForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("measures", analysis.measures(actor));
        return "efficiency/new";
    }

    // ---- one run ---------------------------------------------------------------------------------

    /** One unit's line on the run page and in the workbook, its figures as a person reads them. */
    record Row(UnitEfficiency unit, String technical, String pureTechnical, String scale, String superEfficiency,
            EfficiencyStatus status, String returnsToScale, String targets, String peers) {
    }

    static List<Row> rows(EfficiencyRun run, List<UnitEfficiency> results, Words words) {
        List<Row> rows = new ArrayList<>();
        for (UnitEfficiency u : results) {
            rows.add(new Row(u, Words.decimals(u.technical(), 3), Words.decimals(u.pureTechnical(), 3),
                    Words.decimals(u.scale(), 3), u.infeasible() ? words.text("efficiency.run.infeasible")
                    : Words.decimals(u.efficiency(), 3), u.status(),
                    words.text("efficiency.rts." + u.returnsToScale().name()), words.targets(run, u),
                    words.peers(u, results)));
        }
        return rows;
    }

    @GetMapping("/runs/{id}")
    String run(Actor actor, @PathVariable long id, @RequestParam(required = false) String x,
            @RequestParam(required = false) String y,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        EfficiencyRun run = analysis.get(actor, id);
        List<UnitEfficiency> results = analysis.results(actor, id);
        Words words = new Words(messages, locale);
        List<RunMeasure> measures = run.measures();
        int xi = index(measures, x, 0);
        int yi = index(measures, y, run.inputs().size());
        model.addAttribute("run", run);
        model.addAttribute("measures", measures);
        model.addAttribute("x", measures.get(xi).code());
        model.addAttribute("y", measures.get(yi).code());
        model.addAttribute("frontier", json.writeValueAsString(frontier(run, results, xi, yi, words, locale)));
        if (htmx != null) {
            return "efficiency/run :: frontier";
        }
        List<Row> rows = rows(run, results, words);
        model.addAttribute("rows", rows);
        model.addAttribute("efficientCount", results.stream().filter(u -> u.status() == EfficiencyStatus.EFFICIENT)
                .count());
        model.addAttribute("meanTechnical", Words.decimals(results.stream().mapToDouble(UnitEfficiency::technical)
                .average().orElse(0), 3));
        if (run.superEfficiency()) {
            model.addAttribute("ranking", rows.stream().sorted(Comparator.comparing((Row r) -> r.unit().rank(),
                    Comparator.nullsLast(Comparator.naturalOrder()))).toList());
        }
        List<String> warnings = new ArrayList<>();
        if (run.fewUnits()) {
            warnings.add(words.text("efficiency.warning.fewUnits", run.units(), measures.size()));
        }
        if (!run.leftOut().isEmpty()) {
            warnings.add(words.text("efficiency.run.warning.leftOut", run.leftOut().size(),
                    String.join(words.text("efficiency.words.and"),
                            run.leftOut().stream().map(l -> l.name()).toList())));
        }
        model.addAttribute("warnings", warnings);
        RunMeasure scores = analysis.scoreMeasure(actor);
        model.addAttribute("scoresName", scores.name(locale));
        model.addAttribute("scoresCode", scores.code());
        model.addAttribute("inputNames", names(run.inputs(), words, locale));
        model.addAttribute("outputNames", names(run.outputs(), words, locale));
        return "efficiency/run";
    }

    private static String names(List<RunMeasure> measures, Words words, Locale locale) {
        return String.join(words.text("efficiency.words.and"), measures.stream().map(m -> m.name(locale)).toList());
    }

    private static int index(List<RunMeasure> measures, String code, int fallback) {
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).code().equals(code)) {
                return i;
            }
        }
        return fallback;
    }

    /**
     * The frontier chart of two measures: every unit as a point (name as its label), the efficient units joined in
     * order of the first measure. With more than two measures the line is the frontier's trace in this plane.
     */
    private Map<String, Object> frontier(EfficiencyRun run, List<UnitEfficiency> results, int xi, int yi,
            Words words, Locale locale) {
        List<RunMeasure> measures = run.measures();
        List<Map<String, Object>> points = new ArrayList<>();
        List<double[]> efficient = new ArrayList<>();
        for (UnitEfficiency u : results) {
            double[] v = concat(u.inputs(), u.outputs());
            points.add(Map.of("name", u.unitName(), "value", List.of(v[xi], v[yi])));
            if (u.status() == EfficiencyStatus.EFFICIENT) {
                efficient.add(new double[] {v[xi], v[yi]});
            }
        }
        efficient.sort(Comparator.comparingDouble((double[] p) -> p[0]));
        Map<String, Object> o = NamedValues.of(
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("bottom", 0),
                "grid", Map.of("left", 48, "right", 16, "top", 24, "bottom", 56, "containLabel", true),
                "xAxis", Map.of("type", "value", "name", axis(measures.get(xi), locale), "nameLocation", "middle",
                        "nameGap", 28, "scale", true),
                "yAxis", Map.of("type", "value", "name", axis(measures.get(yi), locale), "scale", true));
        o.put("series", List.of(
                Map.of("type", "scatter", "name", words.text("efficiency.chart.units"), "symbolSize", 10,
                        "label", Map.of("show", true, "formatter", "{b}", "position", "right", "fontSize", 11),
                        "data", points),
                Map.of("type", "line", "name", words.text("efficiency.chart.frontier"), "symbol", "none",
                        "data", efficient.stream().map(p -> List.of(p[0], p[1])).toList())));
        return o;
    }

    private static String axis(RunMeasure m, Locale locale) {
        return m.name(locale) + " (" + m.unit() + ")";
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @PostMapping("/runs/{id}/publish")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String publish(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            analysis.publish(actor, id);
            redirect.addFlashAttribute("notice", "efficiency.notice.published");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "efficiency.notice.alreadyPublished");
        }
        return "redirect:/efficiency/runs/" + id;
    }

    @GetMapping("/runs/{id}/results.xlsx")
    void export(Actor actor, @PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        EfficiencyRun run = analysis.get(actor, id);
        List<UnitEfficiency> results = analysis.results(actor, id);
        Words words = new Words(messages, locale);
        try (OutputStream out = Downloads.xlsx(response, "efficiency-" + run.period() + "-" + run.unitType() + "-"
                + run.id() + ".xlsx")) {
            RunWorkbook.write(out, run, results, rows(run, results, words), words, locale);
        }
    }

    // ---- productivity ----------------------------------------------------------------------------

    @GetMapping("/productivity")
    String productivity(Actor actor, @RequestParam(required = false) String periods,
            @RequestParam(required = false) String unitType, @RequestParam(required = false) List<String> inputs,
            @RequestParam(required = false) List<String> outputs,
            @RequestParam(required = false) String orientation, Model model, Locale locale) {
        model.addAttribute("measures", analysis.measures(actor));
        model.addAttribute("periods", periods == null ? "" : periods);
        model.addAttribute("unitType", unitType == null ? UnitType.CLINICAL.name() : unitType);
        model.addAttribute("inputs", inputs == null ? List.of() : inputs);
        model.addAttribute("outputs", outputs == null ? List.of() : outputs);
        model.addAttribute("orientation", orientation == null ? Orientation.INPUT.name() : orientation);
        model.addAttribute("errors", Map.of());
        if (periods == null) {
            return "efficiency/productivity";
        }
        List<String> list = Arrays.stream(periods.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            Productivity p = analysis.productivity(actor, ProductivitySpec.parse(list, unitType, inputs, outputs,
                    orientation));
            Words words = new Words(messages, locale);
            model.addAttribute("productivity", p);
            model.addAttribute("chart", json.writeValueAsString(malmquistChart(p, words)));
            List<String> warnings = new ArrayList<>();
            if (p.fewUnits()) {
                warnings.add(words.text("efficiency.warning.fewUnits", p.units().size(),
                        p.inputs().size() + p.outputs().size()));
            }
            if (!p.leftOut().isEmpty()) {
                warnings.add(words.text("efficiency.run.warning.leftOut", p.leftOut().size(),
                        String.join(words.text("efficiency.words.and"),
                                p.leftOut().stream().map(l -> l.name()).toList())));
            }
            model.addAttribute("warnings", warnings);
            List<Map<String, String>> unitRows = new ArrayList<>();
            for (int k = 0; k < p.units().size(); k++) {
                Malmquist.Change c = p.result().unitMeans().get(k);
                Map<String, String> r = new LinkedHashMap<>();
                r.put("name", p.units().get(k).name());
                r.put("tfpch", Words.decimals(c.tfpch(), 3));
                r.put("effch", Words.decimals(c.effch(), 3));
                r.put("techch", Words.decimals(c.techch(), 3));
                r.put("pech", Words.decimals(c.pech(), 3));
                r.put("sech", Words.decimals(c.sech(), 3));
                unitRows.add(r);
            }
            model.addAttribute("unitRows", unitRows);
            Malmquist.Change m = p.result().mean();
            model.addAttribute("meanTfp", Words.decimals(m.tfpch(), 3));
            model.addAttribute("meanWords", words.text(m.tfpch() >= 1 ? "efficiency.productivity.grew"
                    : "efficiency.productivity.fell", Words.decimals(Math.abs(m.tfpch() - 1) * 100, 1)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", texts.byField(e.problems(), "；", EfficiencyPages::field));
        }
        return "efficiency/productivity";
    }

    /** Per transition, the geometric means of the five indices as bars, with 1 (no change) marked. */
    private static Map<String, Object> malmquistChart(Productivity p, Words words) {
        List<String> labels = p.result().transitions().stream()
                .map(t -> p.periods().get(t.from()) + " → " + p.periods().get(t.to())).toList();
        String[] keys = {"tfpch", "effch", "techch", "pech", "sech"};
        List<Map<String, Object>> series = new ArrayList<>();
        for (String k : keys) {
            List<Double> values = p.result().transitions().stream().map(t -> round(pick(t.mean(), k))).toList();
            Map<String, Object> s = NamedValues.of("type", "bar", "name", words.text("efficiency.malmquist." + k),
                    "data", values);
            if (k.equals("tfpch")) {
                s.put("markLine", Map.of("symbol", "none", "data", List.of(Map.of("yAxis", 1)),
                        "label", Map.of("formatter", "1")));
            }
            series.add(s);
        }
        Map<String, Object> o = NamedValues.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("bottom", 0),
                "grid", Map.of("left", 40, "right", 16, "top", 24, "bottom", 64, "containLabel", true),
                "xAxis", Map.of("type", "category", "data", labels), "yAxis", Map.of("type", "value", "scale", true),
                "series", series);
        return o;
    }

    private static double pick(Malmquist.Change c, String k) {
        return switch (k) {
            case "effch" -> c.effch();
            case "techch" -> c.techch();
            case "pech" -> c.pech();
            case "sech" -> c.sech();
            default -> c.tfpch();
        };
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The form field a problem belongs to: inputs[1] → inputs. */
    private static String field(String path) {
        return path.replaceAll("\\[\\d+]$", "");
    }
}
