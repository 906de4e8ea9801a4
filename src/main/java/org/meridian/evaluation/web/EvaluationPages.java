package org.meridian.evaluation.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.meridian.shared.NamedValues;
import org.meridian.shared.web.Downloads;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationConflictException;
import org.meridian.evaluation.EvaluationLinks;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationRuns;
import org.meridian.evaluation.EvaluationSubject;
import org.meridian.evaluation.TierOutcome;
import org.meridian.evaluation.TrendChart;
import org.meridian.evaluation.TrendPoint;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.DimensionScores;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.RateInterval;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.ScorecardEngine;
import org.meridian.shared.Actor;
import org.meridian.shared.Figures;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.tenant.SmallSampleThreshold;
import org.meridian.shared.web.Paged;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation pages: the list with the run form and publish buttons; an evaluation's ranking (sortable,
 * filterable by region and tier), its heatmap of scores and its XLSX export; a channel's scorecard with a radar
 * of its scores against the peers' median score, the trend of its total over published periods and the "why" of
 * every value and score. Reading needs ANALYST, running and publishing CHANNEL_MANAGER.
 */
@Controller
@RequestMapping("/evaluations")
@PreAuthorize("hasRole('ANALYST')")
class EvaluationPages {

    private static final List<String> SORTS = List.of("rank", "channel", "region", "total", "performance", "brand",
            "coverage", "tier");

    private final EvaluationRuns runs;
    private final EvaluationResults evaluations;
    private final MessageSource messages;
    private final ProblemTexts texts;
    private final JsonMapper json;
    private final ObjectProvider<EvaluationLinks> links;
    private final ObjectProvider<org.meridian.evaluation.PublicationConsequences> consequences;
    private final SmallSampleThreshold smallSamples;

    EvaluationPages(EvaluationRuns runs, EvaluationResults evaluations, MessageSource messages,
                    ProblemTexts texts, JsonMapper json,
                    ObjectProvider<EvaluationLinks> links,
                    ObjectProvider<org.meridian.evaluation.PublicationConsequences> consequences,
                    SmallSampleThreshold smallSamples) {
        this.smallSamples = smallSamples;
        this.runs = runs;
        this.evaluations = evaluations;
        this.messages = messages;
        this.texts = texts;
        this.json = json;
        this.links = links;
        this.consequences = consequences;
    }

    /** What the run form holds. */
    record RunForm(String period, String unitType) {
    }

    /** One row of the ranking table, numbers formatted for display. */
    record RankRow(Integer rank, String channel, String name, String region, BigDecimal total, String totalText,
                   BigDecimal coverage, String coverageText, String tier, BigDecimal performance, BigDecimal brand,
                   String smallSampleTitle) {

        public String performanceText() {
            return performance == null ? "—" : performance.toPlainString();
        }

        public String brandText() {
            return brand == null ? "—" : brand.toPlainString();
        }
    }

    /** A dimension's score and coverage as the scorecard page shows them. */
    record DimensionView(Dimension dimension, String score, String coverage) {
    }

    /** One indicator line of a scorecard page. */
    record LineView(String code, String name, String unit, String value, String score, String weight,
                    String contribution, String peerMedian, String why, String rule, boolean noData,
                    String interval, String smallSampleTitle) {
    }

    // ---- the list ------------------------------------------------------------------------------

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String period,
                @RequestParam(required = false) String unitType, @RequestParam(defaultValue = "0") int page,
                Model model, Locale locale) {
        return listPage(actor, period, unitType, page, new RunForm("", ""), Map.of(), null, model, locale);
    }

    private String listPage(Actor actor, String period, String unitType, int page, RunForm form,
                            Map<String, String> errors, String runError, Model model, Locale locale) {
        List<Problem> problems = new ArrayList<>();
        Optional<Period> p = EvaluationParams.periodFilter(period, problems);
        Optional<UnitType> t = EvaluationParams.unitTypeFilter(unitType, problems);
        Paged<Evaluation> found = evaluations.search(actor, p.orElse(null), t.orElse(null), Math.max(page, 0),
                Paged.DEFAULT_SIZE);
        model.addAttribute("activeNav", "evaluations");
        model.addAttribute("evaluations", found);
        model.addAttribute("filterPeriod", period == null ? "" : period);
        model.addAttribute("filterUnitType", unitType == null ? "" : unitType);
        model.addAttribute("filterErrors", texts.byField(problems));
        model.addAttribute("unitTypes", UnitType.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("runError", runError);
        model.addAttribute("isOffice", office(actor));
        return "evaluations/list";
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String run(Actor actor, RunForm form, Model model, Locale locale,
               RedirectAttributes redirect) {
        EvaluationSubject subject;
        try {
            subject = EvaluationParams.subject(form.period(), form.unitType());
        } catch (InvalidInputException e) {
            return listPage(actor, null, null, 0, form, texts.byField(e.problems()), null, model, locale);
        }
        try {
            Evaluation e = runs.run(actor, subject);
            redirect.addFlashAttribute("flash", messages.getMessage("evaluation.flash.ran",
                    new Object[] {e.period().toString(), unitTypeLabel(e.unitType(), locale), e.version()}, locale));
            return "redirect:/evaluations/" + e.id();
        } catch (EvaluationConflictException e) {
            return listPage(actor, null, null, 0, form, Map.of(), messages.getMessage("evaluation.error.noScheme",
                    new Object[] {unitTypeLabel(subject.unitType(), locale)}, locale), model, locale);
        }
    }

    /**
     * Publishing with its consequences in view: what would move against the version in force (totals, ranks, tiers),
     * what other modules would do (statements re-drafted or corrected, reports superseded), and the button that
     * publishes. An evaluation already published says so.
     */
    @GetMapping("/{id}/publish")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String publishPreview(Actor actor, @PathVariable long id, Model model, Locale locale) {
        org.meridian.evaluation.PublicationPreview preview = evaluations.publicationPreview(actor, id);
        model.addAttribute("activeNav", "evaluations");
        model.addAttribute("preview", preview);
        model.addAttribute("evaluation", preview.draft());
        model.addAttribute("consequences", preview.draft().published() ? List.of()
                : consequences.orderedStream().flatMap(c -> c.of(actor, preview.draft(), preview.replaced(), locale)
                        .stream()).toList());
        return "evaluations/publish";
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String publish(Actor actor, @PathVariable long id, Locale locale,
                   RedirectAttributes redirect) {
        try {
            runs.publish(actor, id);
            redirect.addFlashAttribute("flash", messages.getMessage("evaluation.flash.published", null, locale));
        } catch (EvaluationConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("evaluation.error.alreadyPublished", null,
                    locale));
        }
        return "redirect:/evaluations/" + id;
    }

    @PostMapping("/{id}/apply-tiers")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String applyTiers(Actor actor, @PathVariable long id, Locale locale,
                      RedirectAttributes redirect) {
        try {
            List<TierOutcome> outcomes = runs.applyTiers(actor, id);
            long applied = outcomes.stream().filter(o -> o.outcome() == TierOutcome.Outcome.APPLIED).count();
            long pending = outcomes.stream().filter(o -> o.outcome() == TierOutcome.Outcome.PENDING).count();
            redirect.addFlashAttribute("flash", messages.getMessage("evaluation.flash.tiers",
                    new Object[] {applied, pending, outcomes.size() - applied - pending}, locale));
        } catch (EvaluationConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("evaluation.error.applyDraft", null, locale));
        }
        return "redirect:/evaluations/" + id;
    }

    // ---- one evaluation: ranking, heatmap, export ---------------------------------------------

    @GetMapping("/{id}")
    String ranking(Actor actor, @PathVariable long id,
                   @RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "") String tier,
                   @RequestParam(defaultValue = "rank") String sort, @RequestParam(defaultValue = "asc") String dir,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        Evaluation e = evaluations.get(actor, id);
        SchemeSnapshot scheme = evaluations.scheme(actor, id);
        List<UnitScorecard> cards = evaluations.allScorecards(actor, id);
        int smallSample = smallSamples.of(actor.hospitalId());
        model.addAttribute("channelUnits", e.unitType().kind() == org.meridian.shared.UnitKind.CHANNEL);
        String by = SORTS.contains(sort) ? sort : "rank";
        boolean desc = "desc".equals(dir);
        List<RankRow> rows = cards.stream()
                .filter(c -> region.isBlank() || (c.region() != null && c.region().startsWith(region)))
                .filter(c -> tier.isBlank() || tier.equals(c.tier()))
                .map(c -> {
                    DimensionScores d = c.dimensionScores(scheme);
                    return new RankRow(c.rank(), c.channel(), c.channelName(), c.region(), c.roundedTotal(),
                            c.roundedTotal() == null ? "—" : c.roundedTotal().toPlainString(), c.coverage(),
                            percent(c.coverage()), c.tier(), Scorecard.round(d.performance()),
                            Scorecard.round(d.brand()), smallSamples(c, scheme, smallSample, locale));
                })
                .sorted(order(by, desc)).toList();
        model.addAttribute("activeNav", "evaluations");
        model.addAttribute("evaluation", e);
        model.addAttribute("rows", rows);
        model.addAttribute("region", region);
        model.addAttribute("tier", tier);
        model.addAttribute("sort", by);
        model.addAttribute("dir", desc ? "desc" : "asc");
        model.addAttribute("regions", new TreeSet<>(cards.stream().map(UnitScorecard::region)
                .filter(r -> r != null && !r.isBlank()).toList()));
        model.addAttribute("tiers", new TreeSet<>(cards.stream().map(UnitScorecard::tier).toList()));
        model.addAttribute("isOffice", office(actor));
        model.addAttribute("links", links.orderedStream().flatMap(l -> l.links(actor, e).stream()).toList());
        model.addAttribute("heatmap", json.writeValueAsString(heatmap(scheme, cards, locale)));
        model.addAttribute("heatmapHeight", Math.max(260, 60 + 28 * cards.size()) + "px");
        if (htmx != null) {
            return "evaluations/ranking :: table";
        }
        return "evaluations/ranking";
    }

    /**
     * The ranking's small-sample mark of a channel: null when none of its rates rests on fewer than the threshold,
     * else a title naming those rates and their n.
     */
    private String smallSamples(UnitScorecard card, SchemeSnapshot scheme, int smallSample, Locale locale) {
        List<String> small = new ArrayList<>();
        for (UnitScorecard.Line l : card.indicators()) {
            if (l.value() == null) {
                continue;
            }
            RateInterval.of(l.why(), smallSample).filter(RateInterval::small).ifPresent(i -> small.add(
                    scheme.item(l.code()).map(x -> name(x.indicator(), locale)).orElse(l.code()) + " n = "
                            + i.trials()));
        }
        return small.isEmpty() ? null : messages.getMessage("evaluation.smallSample.rates",
                new Object[] {String.join(locale.getLanguage().equals("en") ? ", " : "、", small), smallSample}, locale);
    }

    /**
     * "95% 区间 30.1–95.4 %，n = 4" for a share; for a net promoter score "标准误 7.8，95% 区间 14.7–45.3，n = 100"
     * (points, one decimal, as the score is shown).
     */
    private String intervalText(RateInterval i, Locale locale) {
        if (i.net()) { // points with one decimal, as a per cent is written
            return messages.getMessage("evaluation.interval.net", new Object[] {Figures.value(i.standardError(), "%"),
                    Figures.value(i.lower(), "%"), Figures.value(i.upper(), "%"), String.valueOf(i.trials())}, locale);
        }
        return messages.getMessage("evaluation.interval", new Object[] {Figures.value(i.lower(), "%"),
                Figures.value(i.upper(), "%"), String.valueOf(i.trials())}, locale);
    }

    private static Comparator<RankRow> order(String by, boolean desc) {
        Comparator<RankRow> c = switch (by) {
            case "channel" -> Comparator.comparing(RankRow::channel);
            case "region" -> Comparator.comparing(RankRow::region, Comparator.nullsLast(Comparator.naturalOrder()));
            case "total" -> Comparator.comparing(RankRow::total, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "performance" -> Comparator.comparing(RankRow::performance,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "brand" -> Comparator.comparing(RankRow::brand, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "coverage" -> Comparator.comparing(RankRow::coverage);
            case "tier" -> Comparator.comparing(RankRow::tier);
            default -> Comparator.comparing(RankRow::rank, Comparator.nullsLast(Comparator.naturalOrder()));
        };
        return (desc ? c.reversed() : c).thenComparing(RankRow::channel);
    }

    @GetMapping("/{id}/ranking.xlsx")
    void export(Actor actor, @PathVariable long id, HttpServletResponse response,
                Locale locale) throws IOException {
        Evaluation e = evaluations.get(actor, id);
        SchemeSnapshot scheme = evaluations.scheme(actor, id);
        List<UnitScorecard> cards = evaluations.allScorecards(actor, id);
        try (OutputStream out = Downloads.xlsx(response, "evaluation-" + e.period() + "-" + e.unitType() + "-v"
                + e.version() + ".xlsx")) {
            RankingWorkbook.write(out, e, scheme, cards, code -> messages.getMessage(code, null, locale),
                    d -> name(d, locale));
        }
    }

    // ---- one channel's scorecard -------------------------------------------------------------

    @GetMapping("/{id}/channels/{code}")
    String scorecard(Actor actor, @PathVariable long id, @PathVariable String code,
                     Model model, Locale locale) {
        Evaluation e = evaluations.get(actor, id);
        SchemeSnapshot scheme = evaluations.scheme(actor, id);
        UnitScorecard card = evaluations.scorecard(actor, id, code)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        List<UnitScorecard> all = evaluations.allScorecards(actor, id);
        int smallSample = smallSamples.of(actor.hospitalId());
        List<LineView> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Object> scores = new ArrayList<>();
        List<Object> medianScores = new ArrayList<>();
        for (UnitScorecard.Line l : card.indicators()) {
            IndicatorDefinition d = scheme.item(l.code()).map(SchemeItem::indicator).orElse(null);
            String name = d == null ? l.code() : name(d, locale);
            String unit = d == null ? "" : (locale.getLanguage().equals("en") ? d.unitEn() : d.unitZh());
            boolean noData = l.value() == null;
            String why = name + " = " + l.why().calculation() + (noData ? "" : " " + unit);
            String rule = l.why().rule() == null ? messages.getMessage("evaluation.why.noData", null, locale)
                    : messages.getMessage("evaluation.rule." + l.why().rule().method(), null, locale) + ": "
                    + l.why().rule().calculation();
            Optional<RateInterval> interval = noData ? Optional.empty() : RateInterval.of(l.why(), smallSample);
            lines.add(new LineView(l.code(), name, unit, Figures.value(l.value(), unit), Figures.score(l.score()),
                    Formula.show(l.weight()), Figures.score(l.contribution()), Figures.value(l.peerMedian(), unit), why,
                    rule, noData, interval.map(i -> intervalText(i, locale)).orElse(""),
                    interval.filter(RateInterval::small).map(i -> messages.getMessage("evaluation.smallSample.title",
                            new Object[] {i.trials(), smallSample}, locale)).orElse(null)));
            names.add(name);
            scores.add(l.score() == null ? 0 : round1(l.score()));
            List<BigDecimal> peerScores = all.stream().map(c -> c.line(l.code()).score())
                    .filter(java.util.Objects::nonNull).toList();
            BigDecimal median = ScorecardEngine.median(peerScores);
            medianScores.add(median == null ? 0 : round1(median));
        }
        DimensionScores dims = card.dimensionScores(scheme);
        List<DimensionView> dimensionViews = dims.dimensions().stream().map(x -> new DimensionView(x.dimension(),
                x.score() == null ? "—" : Scorecard.round(x.score()).toPlainString(), percent(x.coverage()))).toList();
        model.addAttribute("dimensions", dimensionViews);
        model.addAttribute("performanceText", dims.performance() == null ? "—"
                : Scorecard.round(dims.performance()).toPlainString());
        model.addAttribute("brandText", dims.brand() == null ? "—" : Scorecard.round(dims.brand()).toPlainString());
        if (dims.dimensions().size() >= 3) {
            model.addAttribute("dimensionRadar", json.writeValueAsString(dimensionRadar(dims, card.channel(), locale)));
        }
        List<TrendPoint> trend = evaluations.trend(actor, card.channelId(), e.unitType(), e.period());
        model.addAttribute("activeNav", "evaluations");
        model.addAttribute("evaluation", e);
        model.addAttribute("card", card);
        model.addAttribute("totalText", card.roundedTotal() == null ? "—" : card.roundedTotal().toPlainString());
        model.addAttribute("coverageText", percent(card.coverage()));
        model.addAttribute("lines", lines);
        model.addAttribute("units", all.size());
        model.addAttribute("radar", json.writeValueAsString(radar(names, scores, medianScores, card.channel(),
                messages.getMessage("evaluation.chart.peerMedian", null, locale))));
        model.addAttribute("trend", json.writeValueAsString(TrendChart.option(trend,
                messages.getMessage("evaluation.chart.total", null, locale))));
        model.addAttribute("trendPoints", trend.size());
        return "evaluations/scorecard";
    }

    // ---- charts (ECharts options as data) -----------------------------------------------------

    private Map<String, Object> heatmap(SchemeSnapshot scheme, List<UnitScorecard> cards, Locale locale) {
        List<String> indicators = scheme.items().stream().map(i -> name(i.indicator(), locale)).toList();
        List<String> channels = new ArrayList<>(cards.stream().map(UnitScorecard::channel).toList());
        java.util.Collections.reverse(channels); // the best at the top
        List<List<Object>> data = new ArrayList<>();
        for (UnitScorecard c : cards) {
            int y = channels.indexOf(c.channel());
            for (int x = 0; x < scheme.items().size(); x++) {
                String code = scheme.items().get(x).code();
                BigDecimal s = c.indicators().stream().filter(l -> l.code().equals(code)).findFirst()
                        .map(UnitScorecard.Line::score).orElse(null);
                data.add(List.of(x, y, s == null ? "-" : round1(s)));
            }
        }
        Map<String, Object> o = NamedValues.of(
                "tooltip", Map.of("position", "top"),
                "grid", Map.of("left", 90, "right", 16, "top", 10, "bottom", 110),
                "xAxis", Map.of("type", "category", "data", indicators,
                        "axisLabel", Map.of("rotate", 35, "interval", 0)),
                "yAxis", Map.of("type", "category", "data", channels),
                "visualMap", Map.of("min", 0, "max", 100, "calculable", true, "orient", "horizontal", "left", "center",
                        "bottom", 0, "inRange", Map.of("color", List.of("#f6efe9", "#e8b04a", "#2f7d5b"))),
                "series", List.of(Map.of("type", "heatmap", "data", data, "label", Map.of("show", true))));
        return o;
    }

    private static Map<String, Object> radar(List<String> names, List<Object> scores, List<Object> medians,
                                             String channel, String medianLabel) {
        Map<String, Object> o = NamedValues.of("legend", Map.of("bottom", 0, "data", List.of(channel, medianLabel)),
                "tooltip", Map.of());
        o.put("radar", Map.of("radius", "55%", "indicator",
                names.stream().map(n -> Map.of("name", n, "max", 100)).toList()));
        o.put("series", List.of(Map.of("type", "radar", "data", List.of(
                Map.of("name", channel, "value", scores, "areaStyle", Map.of("opacity", 0.25)),
                Map.of("name", medianLabel, "value", medians, "lineStyle", Map.of("type", "dashed"))))));
        return o;
    }

    private Map<String, Object> dimensionRadar(DimensionScores dims, String channel, Locale locale) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tooltip", Map.of());
        o.put("radar", Map.of("radius", "60%", "indicator", dims.dimensions().stream()
                .map(x -> Map.of("name", messages.getMessage("indicator.dimension." + x.dimension().name(), null,
                        locale), "max", 100)).toList()));
        o.put("series", List.of(Map.of("type", "radar", "data", List.of(Map.of("name", channel, "value",
                dims.dimensions().stream().map(x -> x.score() == null ? (Object) 0 : round1(x.score())).toList(),
                "areaStyle", Map.of("opacity", 0.25))))));
        return o;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static BigDecimal round1(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP);
    }

    private static String percent(BigDecimal share) {
        return share == null ? "—" : Formula.show(share.multiply(BigDecimal.valueOf(100)).setScale(1,
                RoundingMode.HALF_UP)) + "%";
    }

    private static String name(IndicatorDefinition d, Locale locale) {
        return locale.getLanguage().equals("en") ? d.nameEn() : d.nameZh();
    }

    private String unitTypeLabel(UnitType t, Locale locale) {
        return messages.getMessage("unitType." + t.name(), null, t.name(), locale);
    }

    /** The channel office (CHANNEL_MANAGER and above) runs, publishes and applies tiers. */
    private static boolean office(Actor actor) {
        return actor.has(org.meridian.shared.security.Role.CHANNEL_MANAGER);
    }

}
