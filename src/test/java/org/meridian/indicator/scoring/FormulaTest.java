package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meridian.indicator.Measure.*;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;
import org.meridian.indicator.scoring.FormulaException.Kind;

class FormulaTest {

    static Map<Measure, BigDecimal> totals(Object... pairs) {
        Map<Measure, BigDecimal> m = new EnumMap<>(Measure.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Measure) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return m;
    }

    @Test
    void arrivalRateOf52ArrivalsOn64ReferralsIsExactly81point25() {
        // 100 × 52 = 5200; 5200 / 64 = 81.25 exactly (64 = 2^6 divides 5200 × 10^2)
        Formula f = Formula.parse("100 * arrivals / referrals");
        BigDecimal v = f.evaluate(totals(ARRIVALS, 52, REFERRALS, 64));
        assertThat(v.toPlainString()).isEqualTo("81.25");
        assertThat(f.substitute(totals(ARRIVALS, 52, REFERRALS, 64)) + " = " + Formula.show(v))
                .isEqualTo("100 × 52 / 64 = 81.25");
    }

    @Test
    void precedenceLeftAssociativityParenthesesAndUnaryMinus() {
        Map<Measure, BigDecimal> t = totals(REFERRALS, 10, ACCEPTED, 3, ARRIVALS, 2);
        // 10 − 3 − 2 = 5 (left to right), not 10 − (3 − 2) = 9
        assertThat(Formula.parse("referrals - accepted - arrivals").evaluate(t)).isEqualByComparingTo("5");
        // 10 / 2 * 3 = 15 (left to right), not 10 / 6
        assertThat(Formula.parse("referrals / arrivals * accepted").evaluate(t)).isEqualByComparingTo("15");
        // * binds tighter than +: 10 + 3 × 2 = 16; with parentheses (10 + 3) × 2 = 26
        assertThat(Formula.parse("referrals + accepted * arrivals").evaluate(t)).isEqualByComparingTo("16");
        assertThat(Formula.parse("(referrals + accepted) * arrivals").evaluate(t)).isEqualByComparingTo("26");
        // unary minus: −10 + 3 = −7; −(10 − 3) × 2 = −14; − −2 = 2
        assertThat(Formula.parse("-referrals + accepted").evaluate(t)).isEqualByComparingTo("-7");
        assertThat(Formula.parse("-(referrals - accepted) * arrivals").evaluate(t)).isEqualByComparingTo("-14");
        assertThat(Formula.parse("- -arrivals").evaluate(t)).isEqualByComparingTo("2");
        // decimal constants
        assertThat(Formula.parse("referrals * 0.25 + 1.5").evaluate(t)).isEqualByComparingTo("4");
    }

    @Test
    void divisionByZeroAnywhereIsNoData() {
        assertThat(Formula.parse("100 * accepted / referrals").evaluate(totals(ACCEPTED, 3, REFERRALS, 0))).isNull();
        // the zero denominator sits in a term that is added to a perfectly good one: still no data
        assertThat(Formula.parse("referrals + accepted / (arrivals - arrivals)")
                .evaluate(totals(REFERRALS, 10, ACCEPTED, 1, ARRIVALS, 4))).isNull();
        // a unit without events: every measure 0, so every rate is null but a plain count is 0
        assertThat(Formula.parse("100 * arrivals / referrals").evaluate(Map.of())).isNull();
        assertThat(Formula.parse("referrals").evaluate(Map.of())).isEqualByComparingTo("0");
        // 0 divided by something is fine
        assertThat(Formula.parse("complaints / arrivals").evaluate(totals(ARRIVALS, 7))).isEqualByComparingTo("0");
    }

    @Test
    void divisionsKeepSixteenSignificantDigits() {
        // 1/3 at decimal64: 0.3333333333333333 (16 threes)
        assertThat(Formula.parse("accepted / referrals").evaluate(totals(ACCEPTED, 1, REFERRALS, 3)).toPlainString())
                .isEqualTo("0." + "3".repeat(16));
        // revenue 123456.78 CNY in 万元: 12.345678 exactly
        assertThat(Formula.parse("revenue / 10000").evaluate(totals(REVENUE, "123456.78")).toPlainString())
                .isEqualTo("12.345678");
    }

    @Test
    void explanationFillsInTheTotalsAndKeepsTheParentheses() {
        Formula nps = Formula.parse("100 * (promoters - detractors) / nps_count");
        Map<Measure, BigDecimal> t = totals(PROMOTERS, 12, DETRACTORS, 3, NPS_COUNT, 20);
        assertThat(nps.substitute(t)).isEqualTo("100 × (12 − 3) / 20");
        // 100 × 9 / 20 = 45
        assertThat(nps.evaluate(t)).isEqualByComparingTo("45");
        assertThat(nps.inputs(t)).containsExactly(Map.entry("promoters", new BigDecimal("12")),
                Map.entry("detractors", new BigDecimal("3")), Map.entry("nps_count", new BigDecimal("20")));
        // a negative total (refunds) is bracketed as an operand
        assertThat(Formula.parse("revenue / 10000").substitute(totals(REVENUE, -500))).isEqualTo("(−500) / 10000");
    }

    @Test
    void unknownMeasureNamesItsPositionAndToken() {
        assertThatThrownBy(() -> Formula.parse("100 * arivals / referrals"))
                .isInstanceOfSatisfying(FormulaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_MEASURE);
                    assertThat(e.position()).isEqualTo(7);
                    assertThat(e.token()).isEqualTo("arivals");
                    assertThat(e.getMessage()).isEqualTo("unknown measure 'arivals' at position 7");
                });
    }

    @Test
    void badSyntaxNamesItsPositionAndToken() {
        assertError("100 * / referrals", Kind.UNEXPECTED_TOKEN, 7, "/");
        assertError("(referrals + accepted", Kind.UNEXPECTED_END, 22, "");
        assertError("referrals)", Kind.UNEXPECTED_TOKEN, 10, ")");
        assertError("referrals accepted", Kind.UNEXPECTED_TOKEN, 11, "accepted");
        assertError("referrals % 2", Kind.UNEXPECTED_CHARACTER, 11, "%");
        assertError("referrals * 1.", Kind.MALFORMED_NUMBER, 13, "1.");
        assertError("2x", Kind.MALFORMED_NUMBER, 1, "2x");
        assertError("referrals *", Kind.UNEXPECTED_END, 12, "");
        assertError("()", Kind.UNEXPECTED_TOKEN, 2, ")");
        assertError("   ", Kind.EMPTY, 1, "");
        assertError("referrals + ".repeat(50) + "1", Kind.TOO_LONG, 501, "");
    }

    private static void assertError(String text, Kind kind, int position, String token) {
        assertThatThrownBy(() -> Formula.parse(text)).as(text)
                .isInstanceOfSatisfying(FormulaException.class, e -> {
                    assertThat(e.kind()).as(text).isEqualTo(kind);
                    assertThat(e.position()).as(text).isEqualTo(position);
                    assertThat(e.token()).as(text).isEqualTo(token);
                });
    }
}
