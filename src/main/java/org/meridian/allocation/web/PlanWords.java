package org.meridian.allocation.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.allocation.AllocationPlan;
import org.meridian.allocation.PlanRule;
import org.meridian.allocation.PlanShare;
import org.springframework.context.MessageSource;

/**
 * A plan in words for its page, the comparison and the workbook: amounts as people write them (100,000.00 yuan, 12
 * beds), shares in per cent with one decimal, and each unit's "why" — its value of every weighted part and its share of
 * that part, the driver they make, and the bound that held its amount ("绩效 80.00（占 40.0%）、品牌指数 50.00（占 50.0%）、
 * 效率 1.000（占 50.0%）→ 分配依据 45.0%；触及上限 40,000.00").
 */
final class PlanWords {

    private static final MathContext MC = MathContext.DECIMAL64;

    private final MessageSource messages;
    private final Locale locale;

    PlanWords(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static String amount(AllocationPlan plan, BigDecimal v) {
        if (v == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat(plan.money() ? "#,##0.00" : "#,##0.##",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }

    /** The amount with its unit: "40,000.00 元", "6 张/个". */
    String amountWithUnit(AllocationPlan plan, BigDecimal v) {
        return text(plan.money() ? "allocation.words.yuan" : "allocation.words.units", amount(plan, v));
    }

    static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String decimals(BigDecimal v, int scale) {
        return v == null ? "—" : v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** A quantity such as a forecast or a workload, grouped, with at most one decimal ("1,234.5"); "—" for none. */
    static String quantity(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(v.setScale(1, RoundingMode.HALF_UP));
    }

    static String decimals(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** The weights in words: "绩效 0.5 · 品牌指数 0.25 · 效率 0.25 · 需求 0", or the parts per tier. */
    String rule(AllocationPlan plan) {
        if (plan.rule() == PlanRule.TIERS) {
            List<String> parts = new ArrayList<>();
            plan.tiers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> parts.add(text("allocation.words.tierParts", e.getKey(),
                            e.getValue().stripTrailingZeros().toPlainString())));
            return text("allocation.rule.TIERS") + "：" + String.join("、", parts);
        }
        return text("allocation.words.weights", plain(plan.weights().performance()),
                plain(plan.weights().brand()), plain(plan.weights().efficiency()), plain(plan.weights().demand()));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** Why the unit gets its amount: the parts with their shares, the driver, the bound. */
    String why(AllocationPlan plan, PlanShare s, Totals totals) {
        List<String> parts = new ArrayList<>();
        if (plan.rule() == PlanRule.TIERS) {
            BigDecimal mine = plan.tiers().getOrDefault(s.tier(), BigDecimal.ZERO);
            parts.add(text("allocation.why.tier", s.tier() == null ? "—" : s.tier(), plain(mine)));
        } else {
            if (plan.weights().performance().signum() > 0) {
                parts.add(text("allocation.why.performance", decimals(s.performance(), 2),
                        percent(share(s.performance(), totals.performance()))));
            }
            if (plan.weights().brand().signum() > 0) {
                parts.add(text("allocation.why.brand", decimals(s.brand(), 2),
                        percent(share(s.brand(), totals.brand()))));
            }
            if (plan.weights().efficiency().signum() > 0 && s.efficiency() != null) {
                parts.add(text("allocation.why.efficiency", decimals(s.efficiency(), 3),
                        percent(share(BigDecimal.valueOf(s.efficiency()), totals.efficiency()))));
            }
            if (plan.weights().demand().signum() > 0 && s.demand() != null) {
                parts.add(text("allocation.why.demand", quantity(s.demand()),
                        percent(share(s.demand(), totals.demand())), s.demandMonths()));
            }
        }
        String out = text("allocation.why.driver", String.join(text("allocation.words.and"), parts),
                percent(s.driver()));
        if (s.bound() != null) {
            BigDecimal at = switch (s.bound()) {
                case FLOOR, PACE_FLOOR -> s.floor();
                case CAP, PACE_CAP -> s.cap();
            };
            out += text("allocation.words.semicolon") + text("allocation.why.bound." + s.bound().name(),
                    amount(plan, at));
        }
        return out;
    }

    /** The change against the last approved plan: "+10.0%", "−8.5%", or "新增" for a unit new to the plan. */
    String change(PlanShare s) {
        if (s.previousAmount() == null) {
            return text("allocation.words.new");
        }
        if (s.previousAmount().signum() == 0) {
            return s.amount().signum() == 0 ? "0.0%" : "—";
        }
        BigDecimal c = s.amount().subtract(s.previousAmount()).divide(s.previousAmount(), MC);
        String p = percent(c.abs());
        return c.signum() > 0 ? "+" + p : c.signum() < 0 ? "−" + p : "0.0%";
    }

    private static BigDecimal share(BigDecimal v, BigDecimal total) {
        return v == null || total.signum() == 0 ? BigDecimal.ZERO : v.divide(total, MC);
    }

    /** The sums of each part over a plan's units, for the shares in the "why". */
    record Totals(BigDecimal performance, BigDecimal brand, BigDecimal efficiency, BigDecimal demand) {

        static Totals of(List<PlanShare> shares) {
            BigDecimal p = BigDecimal.ZERO;
            BigDecimal b = BigDecimal.ZERO;
            BigDecimal e = BigDecimal.ZERO;
            BigDecimal d = BigDecimal.ZERO;
            for (PlanShare s : shares) {
                p = p.add(s.performance() == null ? BigDecimal.ZERO : s.performance());
                b = b.add(s.brand() == null ? BigDecimal.ZERO : s.brand());
                e = e.add(s.efficiency() == null ? BigDecimal.ZERO : BigDecimal.valueOf(s.efficiency()));
                d = d.add(s.demand() == null ? BigDecimal.ZERO : s.demand());
            }
            return new Totals(p, b, e, d);
        }
    }
}
