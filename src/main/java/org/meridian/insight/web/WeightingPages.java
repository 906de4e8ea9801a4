package org.meridian.insight.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.indicator.SaatyScale;
import org.meridian.indicator.WeightMethod;
import org.meridian.indicator.WeightingInputs;
import org.meridian.insight.WeightingAssistant;
import org.meridian.insight.WeightingAssistant.Assessment;
import org.meridian.insight.WeightingAssistant.Criterion;
import org.meridian.insight.method.Ahp;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The weighting assistant of the scheme editor (赋权助手, {@code /indicators/schemes/{unitType}/weighting}): the
 * pairwise comparisons of the scheme's indicators on Saaty's scale, with weights, λmax, CI and CR recomputed on every
 * change (htmx) and the judgements to revisit when CR ≥ 0.10; entropy weights of a published period; combined weights
 * with α. Its "use in the draft" posts the chosen inputs to the scheme editor
 * ({@code /indicators/schemes/{unitType}/draft}), which shows the weights in the unsaved draft with its what-if.
 * Lives in insight (which owns the methods) because indicator may not depend on insight. CHANNEL_MANAGER.
 */
@Controller
@PreAuthorize("hasRole('CHANNEL_MANAGER')")
class WeightingPages {

    private final WeightingAssistant assistant;
    private final MessageSource messages;
    private final ProblemTexts texts;

    WeightingPages(WeightingAssistant assistant, MessageSource messages, ProblemTexts texts) {
        this.assistant = assistant;
        this.messages = messages;
        this.texts = texts;
    }

    /** One indicator as the page lists it. */
    record CriterionView(int number, String code, String name, boolean lowerIsBetter, String current) {
    }

    /** One choice of a judgement's select. */
    record Option(String value, String label) {
    }

    /** One pair to compare: the k-th judgement, indicators i and j. */
    record PairView(int k, CriterionView left, CriterionView right, String selected, List<Option> options) {
    }

    /** One indicator's weights by each method (per cent, one decimal; "—" when not computed) and the proposed points. */
    record WeightRow(CriterionView criterion, String ahp, String entropy, String result, String points) {
    }

    /** A judgement to revisit: the given one and the one the weights imply, in words. */
    record Revisit(String left, String right, String given, String implied) {
    }

    @GetMapping("/indicators/schemes/{unitType}/weighting")
    String page(Actor actor, @PathVariable String unitType, Model model, Locale locale) {
        UnitType type = unitType(unitType);
        List<Criterion> criteria = assistant.criteria(actor.hospitalId(), type);
        WeightingForm form = WeightingForm.equal(criteria.size());
        List<Period> periods = assistant.periods(actor, type);
        form.setPeriod(periods.isEmpty() ? null : periods.get(0).toString());
        return render(actor, type, criteria, periods, form, model, locale, false);
    }

    /** Recomputes on every change: with {@code HX-Request} only the results, else the whole page. Saves nothing. */
    @PostMapping("/indicators/schemes/{unitType}/weighting")
    String check(Actor actor, @PathVariable String unitType, @ModelAttribute("form") WeightingForm form,
                 HttpServletRequest request, Model model, Locale locale) {
        UnitType type = unitType(unitType);
        List<Criterion> criteria = assistant.criteria(actor.hospitalId(), type);
        boolean htmx = request.getHeader("HX-Request") != null;
        return render(actor, type, criteria, assistant.periods(actor, type), form, model, locale, htmx);
    }

    private String render(Actor actor, UnitType type, List<Criterion> criteria, List<Period> periods,
                          WeightingForm form, Model model, Locale locale, boolean fragment) {
        boolean en = locale.getLanguage().equals("en");
        List<CriterionView> views = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            views.add(new CriterionView(i + 1, c.code(), en ? c.nameEn() : c.nameZh(),
                    c.direction() == org.meridian.indicator.scoring.Direction.LOWER_IS_BETTER,
                    c.currentWeight() == null ? "—" : c.currentWeight().stripTrailingZeros().toPlainString()));
        }
        model.addAttribute("activeNav", "indicators");
        model.addAttribute("unitType", type);
        model.addAttribute("criteria", views);
        model.addAttribute("periods", periods);
        model.addAttribute("form", form);
        model.addAttribute("methods", WeightMethod.values());
        model.addAttribute("schemeVersion", assistant.scheme(actor.hospitalId(), type).map(s -> s.version())
                .orElse(null));
        Map<String, String> errors = new LinkedHashMap<>();
        if (criteria.size() >= 2 && criteria.size() <= Ahp.MAX_N) {
            List<PairView> pairs = new ArrayList<>();
            int n = criteria.size();
            for (int k = 0; k < n * (n - 1) / 2; k++) {
                int[] p = WeightingForm.pair(n, k);
                CriterionView l = views.get(p[0]);
                CriterionView r = views.get(p[1]);
                String selected = k < form.getJudgements().size() ? form.getJudgements().get(k) : "1";
                pairs.add(new PairView(k, l, r, selected, options(l.name(), r.name(), selected)));
            }
            model.addAttribute("pairs", pairs);
            WeightingInputs.Parsed parsed = form.inputs(criteria.stream().map(Criterion::code).toList());
            texts.byField(parsed.problems()).forEach(errors::putIfAbsent);
            if (parsed.inputs() != null) {
                try {
                    Assessment a = assistant.assess(actor, type, parsed.inputs());
                    model.addAttribute("assessment", a);
                    model.addAttribute("inputs", parsed.inputs().method() == WeightMethod.ENTROPY
                            ? new WeightingInputs(WeightMethod.ENTROPY, parsed.inputs().codes(), null, null,
                            parsed.inputs().period()) : parsed.inputs());
                    describe(a, views, model);
                } catch (InvalidInputException e) {
                    texts.byField(e.problems()).forEach(errors::putIfAbsent);
                }
            }
        }
        model.addAttribute("errors", errors);
        return fragment ? "insight/weighting :: results" : "insight/weighting";
    }

    private void describe(Assessment a, List<CriterionView> views, Model model) {
        List<WeightRow> rows = new ArrayList<>();
        for (int j = 0; j < views.size(); j++) {
            rows.add(new WeightRow(views.get(j), a.ahp() == null ? "—" : percent(a.ahp().weights()[j]),
                    a.entropy() == null ? "—" : percent(a.entropy().weights()[j]),
                    a.weights() == null ? "—" : percent(a.weights()[j]),
                    a.points() == null ? "—" : a.points().get(j).toPlainString()));
        }
        model.addAttribute("rows", rows);
        List<List<String>> matrix = new ArrayList<>();
        for (List<Double> row : a.inputs().matrix()) {
            matrix.add(row.stream().map(SaatyScale::text).toList());
        }
        model.addAttribute("matrix", matrix);
        if (a.ahp() != null) {
            model.addAttribute("lambdaMax", String.format(Locale.ROOT, "%.3f", a.ahp().lambdaMax()));
            model.addAttribute("ci", String.format(Locale.ROOT, "%.3f", a.ahp().ci()));
            model.addAttribute("cr", String.format(Locale.ROOT, "%.3f", a.ahp().cr()));
            List<Revisit> revisit = new ArrayList<>();
            for (Ahp.Judgement g : a.ahp().worstJudgements()) {
                String l = views.get(g.row()).name();
                String r = views.get(g.col()).name();
                revisit.add(new Revisit(l, r, judgement(l, r, g.given()), judgement(l, r, g.implied())));
            }
            model.addAttribute("revisit", revisit);
        }
        model.addAttribute("blockers", texts.texts(a.blockers()));
        if (a.entropyProblem() != null) {
            model.addAttribute("entropyProblem", texts.text(a.entropyProblem()));
        }
    }

    /** "到诊率 稍微重要（3）" for a judgement of the left over the right one; a judgement off the scale is rounded to it. */
    private String judgement(String left, String right, double v) {
        int s = SaatyScale.strength(v);
        String shown = SaatyScale.onScale(v) ? SaatyScale.text(v)
                : String.format(Locale.ROOT, v >= 1 ? "%.2f" : "1/%.2f", v >= 1 ? v : 1 / v);
        if (s == 1) {
            return message("insight.weighting.equal", shown);
        }
        return message("insight.weighting.more", v >= 1 ? left : right, message("indicator.saaty." + s), shown);
    }

    private List<Option> options(String left, String right, String selected) {
        List<Option> out = new ArrayList<>();
        for (String c : SaatyScale.CHOICES) {
            out.add(new Option(c, judgement(left, right, SaatyScale.parse(c).orElseThrow())));
        }
        if (!SaatyScale.CHOICES.contains(selected)) {
            out.add(new Option(selected, selected));
        }
        return out;
    }

    private static String percent(double w) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * w);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static UnitType unitType(String value) {
        try {
            return UnitType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown unit type " + value);
        }
    }
}
