package org.meridian.evaluation.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.meridian.shared.web.Downloads;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationConflictException;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.PeriodComparison;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.indicator.WhatIfComparison;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The comparison of two evaluations of one unit type (两期对比), usually two periods: the ranking side by side
 * (every channel's total, rank and tier in each, and how it moved), or one channel's scorecards side by side
 * (totals, ranks, tiers and every indicator's value, score and weight with the differences); both as XLSX too.
 * The first evaluation is the earlier one by default: the version in force of the period before the second's.
 */
@Controller
@RequestMapping("/evaluations/compare")
@PreAuthorize("hasRole('ANALYST')")
class ComparisonPages {

    private final EvaluationResults evaluations;
    private final MessageSource messages;

    ComparisonPages(EvaluationResults evaluations, MessageSource messages) {
        this.evaluations = evaluations;
        this.messages = messages;
    }

    /** One channel's line of the ranking comparison, formatted for display. */
    record RowView(String channel, String name, String firstTotal, String firstRank, String firstTier,
                   String secondTotal, String secondRank, String secondTier, String totalChange, Integer places,
                   String tierMove) {
    }

    /** One indicator of a channel's comparison; values and scores at most 4 decimals. */
    record LineView(String code, String name, String unit, String firstValue, String secondValue, String valueChange,
                    String firstScore, String secondScore, String scoreChange, String firstWeight,
                    String secondWeight) {
    }

    /** A channel's headline figures in both evaluations. */
    record Headline(String label, String first, String second, String change) {
    }

    @GetMapping
    String compare(Actor actor, @RequestParam long b,
                   @RequestParam(required = false) Long a, @RequestParam(defaultValue = "") String channel,
                   Model model, Locale locale) {
        Evaluation second = evaluations.get(actor, b);
        Long first = a != null ? a : defaultFirst(actor, second).map(Evaluation::id).orElse(null);
        model.addAttribute("activeNav", "evaluations");
        model.addAttribute("second", second);
        model.addAttribute("firstId", first);
        model.addAttribute("channel", channel);
        model.addAttribute("choices", evaluations.search(actor, null, second.unitType(), 0, 200).items());
        if (first == null) {
            model.addAttribute("problem", text("evaluation.compare.noFirst", locale));
            return "evaluations/compare";
        }
        PeriodComparison c;
        try {
            c = evaluations.compare(actor, first, b);
        } catch (EvaluationConflictException e) {
            model.addAttribute("problem", text("evaluation.compare.otherType", locale));
            return "evaluations/compare";
        }
        model.addAttribute("comparison", c);
        model.addAttribute("channels", c.rows().stream().map(PeriodComparison.Row::channel).sorted().toList());
        if (channel.isBlank()) {
            model.addAttribute("rows", c.rows().stream().map(r -> rowView(r, locale)).toList());
            model.addAttribute("tierChanges", c.tierChanges());
        } else {
            Optional<PeriodComparison.Row> row = c.row(channel);
            if (row.isEmpty()) {
                model.addAttribute("problem", messages.getMessage("evaluation.compare.noChannel",
                        new Object[] {channel}, locale));
                return "evaluations/compare";
            }
            model.addAttribute("row", row.get());
            model.addAttribute("headline", headline(row.get(), locale));
            model.addAttribute("lines", lines(c, row.get(), locale));
        }
        return "evaluations/compare";
    }

    @GetMapping(value = "", params = "format=xlsx")
    void export(Actor actor, @RequestParam long a, @RequestParam long b,
                @RequestParam(defaultValue = "") String channel, HttpServletResponse response, Locale locale)
            throws IOException {
        PeriodComparison c = evaluations.compare(actor, a, b);
        Optional<PeriodComparison.Row> one = channel.isBlank() ? Optional.empty() : c.row(channel);
        try (OutputStream out = Downloads.xlsx(response, "comparison-" + c.first().period() + "-"
                + c.second().period() + "-" + c.second().unitType() + (one.isPresent() ? "-" + channel : "")
                + ".xlsx")) {
            Workbook wb = new Workbook(out, "Meridian", "1.0");
            Worksheet ws = wb.newWorksheet(c.first().period() + " vs " + c.second().period());
            ws.value(0, 0, text("evaluation.compare.title", locale) + " · " + label(c.first(), locale) + " → "
                    + label(c.second(), locale) + (one.isPresent() ? " · " + channel : ""));
            if (one.isPresent()) {
                writeChannel(ws, c, one.get(), locale);
            } else {
                writeRanking(ws, c, locale);
            }
            wb.finish();
        }
    }

    private void writeRanking(Worksheet ws, PeriodComparison c, Locale locale) {
        String p1 = c.first().period().toString();
        String p2 = c.second().period().toString();
        String[] head = {text("evaluation.col.channel", locale), text("evaluation.col.name", locale),
                p1 + " " + text("evaluation.col.total", locale), p1 + " " + text("evaluation.col.rank", locale),
                p1 + " " + text("evaluation.col.tier", locale), p2 + " " + text("evaluation.col.total", locale),
                p2 + " " + text("evaluation.col.rank", locale), p2 + " " + text("evaluation.col.tier", locale),
                text("evaluation.compare.col.totalChange", locale), text("evaluation.compare.col.places", locale)};
        for (int i = 0; i < head.length; i++) {
            ws.value(2, i, head[i]);
        }
        ws.style(2, 0).bold().set();
        int r = 3;
        for (PeriodComparison.Row row : c.rows()) {
            ws.value(r, 0, row.channel());
            ws.value(r, 1, row.name());
            card(ws, r, 2, row.first());
            card(ws, r, 5, row.second());
            if (row.movement().totalChange() != null) {
                ws.value(r, 8, row.movement().totalChange());
            }
            if (row.movement().places() != null) {
                ws.value(r, 9, row.movement().places());
            }
            r++;
        }
    }

    private static void card(Worksheet ws, int r, int col, UnitScorecard card) {
        if (card == null) {
            return;
        }
        if (card.total() != null) {
            ws.value(r, col, card.roundedTotal());
        }
        if (card.rank() != null) {
            ws.value(r, col + 1, card.rank());
        }
        ws.value(r, col + 2, card.tier());
    }

    private void writeChannel(Worksheet ws, PeriodComparison c, PeriodComparison.Row row, Locale locale) {
        String p1 = c.first().period().toString();
        String p2 = c.second().period().toString();
        int r = 2;
        for (Headline h : headline(row, locale)) {
            ws.value(r, 0, h.label());
            ws.value(r, 1, h.first());
            ws.value(r, 2, h.second());
            ws.value(r, 3, h.change());
            r++;
        }
        r++;
        String[] head = {text("evaluation.col.indicator", locale), p1 + " " + text("evaluation.col.value", locale),
                p2 + " " + text("evaluation.col.value", locale), text("evaluation.compare.col.change", locale),
                p1 + " " + text("evaluation.col.score", locale), p2 + " " + text("evaluation.col.score", locale),
                text("evaluation.compare.col.change", locale), p1 + " " + text("evaluation.col.weight", locale),
                p2 + " " + text("evaluation.col.weight", locale)};
        for (int i = 0; i < head.length; i++) {
            ws.value(r, i, head[i]);
        }
        ws.style(r, 0).bold().set();
        r++;
        for (Lines l : rawLines(c, row)) {
            ws.value(r, 0, l.name(locale));
            number(ws, r, 1, l.first() == null ? null : l.first().value());
            number(ws, r, 2, l.second() == null ? null : l.second().value());
            number(ws, r, 3, PeriodComparison.difference(l.first() == null ? null : l.first().value(),
                    l.second() == null ? null : l.second().value()));
            number(ws, r, 4, l.first() == null ? null : l.first().score());
            number(ws, r, 5, l.second() == null ? null : l.second().score());
            number(ws, r, 6, PeriodComparison.difference(l.first() == null ? null : l.first().score(),
                    l.second() == null ? null : l.second().score()));
            number(ws, r, 7, l.first() == null ? null : l.first().weight());
            number(ws, r, 8, l.second() == null ? null : l.second().weight());
            r++;
        }
    }

    private static void number(Worksheet ws, int r, int col, BigDecimal v) {
        if (v != null) {
            ws.value(r, col, v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
        }
    }

    // ---- views -----------------------------------------------------------------------------------

    private Optional<Evaluation> defaultFirst(Actor actor, Evaluation second) {
        return evaluations.inForce(actor, second.period().previous(), second.unitType());
    }

    private RowView rowView(PeriodComparison.Row r, Locale locale) {
        WhatIfComparison.Movement m = r.movement();
        return new RowView(r.channel(), r.name(), total(r.first()), rank(r.first()), tier(r.first(), locale),
                total(r.second()), rank(r.second()), tier(r.second(), locale), signed(m.totalChange()), m.places(),
                m.tier().name());
    }

    private List<Headline> headline(PeriodComparison.Row r, Locale locale) {
        UnitScorecard a = r.first();
        UnitScorecard b = r.second();
        List<Headline> h = new ArrayList<>();
        h.add(new Headline(text("evaluation.col.total", locale), total(a), total(b), signed(r.movement().totalChange())));
        h.add(new Headline(text("evaluation.col.rank", locale), rank(a), rank(b), r.movement().places() == null ? "—"
                : r.movement().places() > 0 ? "↑ " + r.movement().places()
                : r.movement().places() < 0 ? "↓ " + (-r.movement().places()) : "0"));
        h.add(new Headline(text("evaluation.col.tier", locale), tier(a, locale), tier(b, locale),
                text("evaluation.compare.tier." + r.movement().tier().name(), locale)));
        h.add(new Headline(text("evaluation.col.coverage", locale), a == null ? "—" : percent(a.coverage()),
                b == null ? "—" : percent(b.coverage()), ""));
        return h;
    }

    /** An indicator of either evaluation's scheme with its lines in each (null where the scheme lacked it). */
    private record Lines(String code, IndicatorDefinition definition, UnitScorecard.Line first,
                         UnitScorecard.Line second) {

        String name(Locale locale) {
            return definition == null ? code : locale.getLanguage().equals("en") ? definition.nameEn()
                    : definition.nameZh();
        }
    }

    private static List<Lines> rawLines(PeriodComparison c, PeriodComparison.Row row) {
        Set<String> codes = new LinkedHashSet<>();
        c.secondScheme().items().forEach(i -> codes.add(i.code()));
        c.firstScheme().items().forEach(i -> codes.add(i.code()));
        List<Lines> lines = new ArrayList<>();
        for (String code : codes) {
            IndicatorDefinition d = definition(c.secondScheme(), code).or(() -> definition(c.firstScheme(), code))
                    .orElse(null);
            lines.add(new Lines(code, d, line(row.first(), code), line(row.second(), code)));
        }
        return lines;
    }

    private static Optional<IndicatorDefinition> definition(SchemeSnapshot s, String code) {
        return s.item(code).map(SchemeItem::indicator);
    }

    private static UnitScorecard.Line line(UnitScorecard card, String code) {
        return card == null ? null : card.indicators().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElse(null);
    }

    private List<LineView> lines(PeriodComparison c, PeriodComparison.Row row, Locale locale) {
        List<LineView> views = new ArrayList<>();
        for (Lines l : rawLines(c, row)) {
            BigDecimal v1 = l.first() == null ? null : l.first().value();
            BigDecimal v2 = l.second() == null ? null : l.second().value();
            BigDecimal s1 = l.first() == null ? null : l.first().score();
            BigDecimal s2 = l.second() == null ? null : l.second().score();
            String unit = l.definition() == null ? "" : locale.getLanguage().equals("en") ? l.definition().unitEn()
                    : l.definition().unitZh();
            views.add(new LineView(l.code(), l.name(locale), unit, value(l.first(), locale), value(l.second(), locale),
                    signedShow(PeriodComparison.difference(v1, v2)), score(l.first(), locale), score(l.second(), locale),
                    signedShow(PeriodComparison.difference(s1, s2)),
                    l.first() == null ? "—" : Formula.show(l.first().weight()),
                    l.second() == null ? "—" : Formula.show(l.second().weight())));
        }
        return views;
    }

    private String value(UnitScorecard.Line l, Locale locale) {
        if (l == null) {
            return text("evaluation.compare.notInScheme", locale);
        }
        return l.value() == null ? text("evaluation.noData", locale) : Formula.show(l.value());
    }

    private String score(UnitScorecard.Line l, Locale locale) {
        if (l == null) {
            return "—";
        }
        return l.score() == null ? text("evaluation.noData", locale) : Formula.show(l.score());
    }

    private static String total(UnitScorecard c) {
        return c == null || c.total() == null ? "—" : c.roundedTotal().toPlainString();
    }

    private static String rank(UnitScorecard c) {
        return c == null || c.rank() == null ? "—" : c.rank().toString();
    }

    private String tier(UnitScorecard c, Locale locale) {
        if (c == null) {
            return "—";
        }
        return "UNRATED".equals(c.tier()) ? text("evaluation.tier.UNRATED", locale) : c.tier();
    }

    private static String signed(BigDecimal v) {
        return v == null ? "—" : (v.signum() > 0 ? "+" : "") + Scorecard.round(v).toPlainString();
    }

    private static String signedShow(BigDecimal v) {
        return v == null ? "—" : (v.signum() > 0 ? "+" : "") + Formula.show(v);
    }

    private static String percent(BigDecimal share) {
        return share == null ? "—" : Formula.show(share.multiply(BigDecimal.valueOf(100)).setScale(1,
                RoundingMode.HALF_UP)) + "%";
    }

    private String label(Evaluation e, Locale locale) {
        return e.period() + " " + messages.getMessage("evaluation.preview.version", new Object[] {e.version()}, locale)
                + " " + text("evaluation.status." + e.status().name(), locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
