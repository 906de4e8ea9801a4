package org.meridian.indicator.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.meridian.indicator.CatalogueEntry;
import org.meridian.indicator.SaatyScale;
import org.meridian.indicator.WeightMethod;
import org.meridian.indicator.WeightingRecord;
import org.meridian.indicator.scoring.SchemeItem;
import org.meridian.indicator.scoring.SchemeSnapshot;

/**
 * Where the weights of the scheme in force came from, in words for its page: the method and its basis in one
 * sentence, each judgement of the comparison matrix, each indicator's weight with the AHP and entropy shares behind
 * it, and the weights adjusted by hand before saving. A version saved without the assistant says its weights were set
 * by hand.
 */
record WeightingWords(String sentence, List<String> judgements, List<Line> lines, List<String> adjusted,
                      boolean weighed, boolean hasAhp, boolean hasEntropy) {

    /** One indicator: its saved weight and, where computed, its AHP and entropy shares (per cent, one decimal). */
    record Line(String code, String name, String weight, String ahp, String entropy) {
    }

    interface Messages {
        String get(String key, Object... args);
    }

    static WeightingWords of(SchemeSnapshot scheme, WeightingRecord record, Map<String, CatalogueEntry> byCode,
                             Locale locale, Messages messages) {
        boolean en = locale.getLanguage().equals("en");
        BiFunction<String, SchemeSnapshot, String> name = (code, s) -> s.item(code)
                .map(i -> en ? i.indicator().nameEn() : i.indicator().nameZh())
                .orElseGet(() -> byCode.containsKey(code) ? (en ? byCode.get(code).definition().nameEn()
                        : byCode.get(code).definition().nameZh()) : code);
        if (record == null) {
            return new WeightingWords(messages.get("indicator.weighting.byHand", scheme.version()), List.of(),
                    List.of(), List.of(), false, false, false);
        }
        var in = record.inputs();
        var r = record.result();
        String sentence = switch (in.method()) {
            case AHP -> messages.get("indicator.weighting.from.AHP", scheme.version(), in.codes().size(),
                    three(r.lambdaMax()), three(r.cr()));
            case ENTROPY -> messages.get("indicator.weighting.from.ENTROPY", scheme.version(), in.period().toString(),
                    r.units());
            case COMBINED -> messages.get("indicator.weighting.from.COMBINED", scheme.version(), two(in.alpha()),
                    two(1 - in.alpha()), three(r.cr()), in.period().toString(), r.units());
        };
        List<String> judgements = new ArrayList<>();
        if (in.method() != WeightMethod.ENTROPY && in.matrix() != null) {
            for (int i = 0; i < in.codes().size(); i++) {
                for (int j = i + 1; j < in.codes().size(); j++) {
                    double v = in.matrix().get(i).get(j);
                    String left = name.apply(in.codes().get(i), scheme);
                    String right = name.apply(in.codes().get(j), scheme);
                    int s = SaatyScale.strength(v);
                    judgements.add(s == 1 && SaatyScale.onScale(v)
                            ? messages.get("indicator.weighting.judgedEqual", left, right, SaatyScale.text(v))
                            : messages.get("indicator.weighting.judged", v >= 1 ? left : right, v >= 1 ? right : left,
                            messages.get("indicator.saaty." + s), SaatyScale.text(v >= 1 ? v : 1 / v)));
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        for (SchemeItem item : scheme.items()) {
            int k = in.codes().indexOf(item.code());
            lines.add(new Line(item.code(), name.apply(item.code(), scheme), plain(item.weight()),
                    k < 0 || r.ahpWeights() == null ? "—" : percent(r.ahpWeights().get(k)),
                    k < 0 || r.entropyWeights() == null ? "—" : percent(r.entropyWeights().get(k))));
        }
        List<String> adjusted = record.adjusted(scheme).stream().map(a -> messages.get("indicator.weighting.adjusted",
                name.apply(a.code(), scheme), plain(a.proposed()), plain(a.saved()))).toList();
        return new WeightingWords(sentence, judgements, lines, adjusted, true, r.ahpWeights() != null,
                r.entropyWeights() != null);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String three(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String two(Double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
