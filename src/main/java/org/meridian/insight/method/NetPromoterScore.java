package org.meridian.insight.method;

import org.meridian.shared.NetPromoter;

/**
 * The Net Promoter Score (净推荐值; Reichheld, <i>Harvard Business Review</i>, 2003): NPS = 100·(p⁺ − p⁻) with
 * p⁺ = promoters/n and p⁻ = detractors/n, passives counting in n, so −100..100. Its standard error on the same scale
 * is 100·√((p⁺ + p⁻ − (p⁺ − p⁻)²)/n), the multinomial variance of a difference of two shares.
 * <p>
 * Edge cases: all promoters gives 100 with standard error 0; a single answer gives ±100 or 0 with standard error 0.
 * No answers at all (n = 0), negative or non-integer counts are rejected. The arithmetic is the shared kernel's
 * {@link NetPromoter}, which the scorecards use too.
 */
public final class NetPromoterScore {

    private NetPromoterScore() {
    }

    public record Result(double nps, double standardError) {
    }

    public static Result of(Double promoters, Double passives, Double detractors) {
        Inputs in = new Inputs();
        count(in, promoters, "promoters");
        count(in, passives, "passives");
        count(in, detractors, "detractors");
        in.check();
        double n = promoters + passives + detractors;
        if (n == 0) {
            in.add("", "insight.nps.none").check();
        }
        NetPromoter.Estimate e = NetPromoter.of(promoters, detractors, n);
        return new Result(e.nps(), e.standardError());
    }

    private static void count(Inputs in, Double v, String path) {
        if (v == null) {
            in.add(path, "insight.value.missing");
        } else if (v != Math.rint(v) || v < 0) {
            in.add(path, "insight.count.notCount");
        }
    }
}
