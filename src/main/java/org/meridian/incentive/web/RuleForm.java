package org.meridian.incentive.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.incentive.StoredRule;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.incentive.rules.ScoreBand;
import org.meridian.shared.problem.Problem;

/**
 * The rule builder's form as typed: every field a text, kept as it was typed so a refused form shows it again.
 * Field names are the paths the rule's problems name ({@code tierRates.A}, {@code scoreBands[1].rate}), so each
 * problem lands beside its field. Up to {@link #BANDS} score bands; a band row left empty is not a band.
 */
record RuleForm(Map<String, String> values) {

    static final int BANDS = 4;

    RuleForm {
        values = new HashMap<>(values);
    }

    /** The text of a field, "" when not typed. */
    public String get(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }

    /** A new rule: a fee on a fixed base with rates by tier, valid from the given day. */
    static RuleForm fresh(LocalDate validFrom) {
        return new RuleForm(Map.of("type", "FEE", "baseKind", "FIXED", "rateBy", "TIER", "awardPeriod", "QUARTER",
                "lowestTier", "D", "warningAfter", "1", "probationAfter", "2", "terminationAfter", "3",
                "validFrom", validFrom.toString()));
    }

    /** The next version of a stored rule: its content, to be changed, from a start day still to be chosen. */
    static RuleForm nextVersionOf(StoredRule rule, LocalDate validFrom) {
        RuleDefinition d = rule.definition();
        Map<String, String> v = new HashMap<>(fresh(validFrom).values());
        put(v, "code", rule.code());
        put(v, "name", rule.name());
        put(v, "type", rule.type().name());
        put(v, "unitType", d.unitType());
        put(v, "baseKind", d.baseKind());
        put(v, "baseAmount", d.baseAmount());
        put(v, "baseMeasure", d.baseMeasure());
        put(v, "rateBy", d.rateBy());
        put(v, "cap", d.cap());
        if (d.tierRates() != null) {
            d.tierRates().forEach((tier, rate) -> put(v, "tierRates." + tier, rate));
        }
        if (d.scoreBands() != null) {
            for (int i = 0; i < Math.min(BANDS, d.scoreBands().size()); i++) {
                ScoreBand b = d.scoreBands().get(i);
                put(v, "scoreBands[" + i + "].from", b.from());
                put(v, "scoreBands[" + i + "].to", b.to());
                put(v, "scoreBands[" + i + "].rate", b.rate());
            }
        }
        put(v, "topN", d.topN());
        put(v, "awardPeriod", d.awardPeriod());
        put(v, "awardAmount", d.awardAmount());
        put(v, "awardInKind", d.awardInKind());
        put(v, "benefit", d.benefit());
        if (d.tierQuotas() != null) {
            d.tierQuotas().forEach((tier, quota) -> put(v, "tierQuotas." + tier, quota));
        }
        put(v, "lowestTier", d.lowestTier());
        put(v, "warningAfter", d.warningAfter());
        put(v, "probationAfter", d.probationAfter());
        put(v, "terminationAfter", d.terminationAfter());
        return new RuleForm(v);
    }

    private static void put(Map<String, String> values, String field, Object value) {
        if (value != null) {
            values.put(field, value instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : value.toString());
        }
    }

    /**
     * The definition the API would receive for this form; a text that is not a number or a date is a problem of its
     * field (and the field is left out), so the rule's own checks still name everything else. Only the fields of the
     * chosen type (and, for a fee, of its base and rate kind) are passed on, as a person filling in the page means.
     */
    RuleDefinition definition(List<String> tiers, List<Problem> problems) {
        String type = get("type").strip();
        boolean fee = "FEE".equals(type);
        boolean award = "AWARD".equals(type);
        boolean priority = "PRIORITY".equals(type);
        boolean sanction = "SANCTION".equals(type);
        boolean fixed = fee && "FIXED".equals(get("baseKind"));
        boolean byMeasure = fee && "MEASURE".equals(get("baseKind"));
        boolean byTier = fee && "TIER".equals(get("rateBy"));
        boolean byBand = fee && "SCORE_BAND".equals(get("rateBy"));
        Map<String, BigDecimal> tierRates = null;
        Map<String, Integer> tierQuotas = null;
        if (byTier) {
            tierRates = new LinkedHashMap<>();
            for (String tier : tiers) {
                BigDecimal rate = decimal("tierRates." + tier, problems);
                if (rate != null) {
                    tierRates.put(tier, rate);
                }
            }
        }
        if (priority) {
            tierQuotas = new LinkedHashMap<>();
            for (String tier : tiers) {
                Integer quota = whole("tierQuotas." + tier, problems);
                if (quota != null) {
                    tierQuotas.put(tier, quota);
                }
            }
        }
        List<ScoreBand> bands = null;
        if (byBand) {
            bands = new ArrayList<>();
            for (int i = 0; i < BANDS; i++) {
                String p = "scoreBands[" + i + "]";
                if (get(p + ".from").isBlank() && get(p + ".to").isBlank() && get(p + ".rate").isBlank()) {
                    continue;
                }
                bands.add(new ScoreBand(decimal(p + ".from", problems), decimal(p + ".to", problems),
                        decimal(p + ".rate", problems)));
            }
        }
        return new RuleDefinition(text("code"), text("name"), type, text("unitType"), date("validFrom", problems),
                date("validTo", problems), fee ? get("baseKind") : null, fixed ? decimal("baseAmount", problems) : null,
                byMeasure ? text("baseMeasure") : null, fee ? get("rateBy") : null, tierRates, bands,
                fee ? decimal("cap", problems) : null, award ? whole("topN", problems) : null,
                award ? text("awardPeriod") : null, award ? decimal("awardAmount", problems) : null,
                award ? text("awardInKind") : null, priority ? text("benefit") : null, tierQuotas,
                sanction ? text("lowestTier") : null, sanction ? whole("warningAfter", problems) : null,
                sanction ? whole("probationAfter", problems) : null,
                sanction ? whole("terminationAfter", problems) : null);
    }

    /**
     * Where the rule's problem of a score band is shown: the rule numbers the bands it was given, which are the rows
     * not left empty; this is the row's own index on the page.
     */
    String pathOnPage(String path) {
        if (!path.startsWith("scoreBands[")) {
            return path;
        }
        int close = path.indexOf(']');
        int given = Integer.parseInt(path.substring("scoreBands[".length(), close));
        int seen = -1;
        for (int i = 0; i < BANDS; i++) {
            String p = "scoreBands[" + i + "]";
            if (!(get(p + ".from").isBlank() && get(p + ".to").isBlank() && get(p + ".rate").isBlank())) {
                seen++;
            }
            if (seen == given) {
                return "scoreBands[" + i + "]" + (path.endsWith(".rate") ? ".rate" : "");
            }
        }
        return path;
    }

    private String text(String field) {
        String v = get(field).strip();
        return v.isEmpty() ? null : v;
    }

    private BigDecimal decimal(String field, List<Problem> problems) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "incentive.builder.notNumber", v));
            return null;
        }
    }

    private Integer whole(String field, List<Problem> problems) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "incentive.builder.notWhole", v));
            return null;
        }
    }

    private LocalDate date(String field, List<Problem> problems) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(field, "incentive.builder.notDate", v));
            return null;
        }
    }
}
