package org.meridian.indicator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;
import org.meridian.indicator.MeasureTotals;
import org.meridian.support.Fuzz;

/**
 * Issue 18 point 15: the formula parser fuzzed (docs/security.md, Hostile input). Any text either parses, or is refused
 * with a {@link FormulaException} that names a position inside the text (or just after it) — never another exception,
 * never a stack overflow; a parsed formula reads the same again from its own text, and evaluates on any totals to a
 * number or to "no data" without an exception.
 */
class FormulaFuzzTest {

    static final String[] PIECES = {"referrals", "arrivals", "revenue", "days", "discharges", "beds", "x", "1", "0",
            "100", "0.5", "12.", ".5", "1e5", "+", "-", "*", "/", "(", ")", " ", "  ", "--", "((", "))", "\t", "\u0000",
            "\u202E", "长", "٣", "_", "9".repeat(60), "0.000000000000000001", "/0", "referrals_out", "%", "^", "1.2.3"};

    static String formula(Fuzz.Gen gen) {
        StringBuilder s = new StringBuilder();
        int n = gen.between(0, gen.size());
        for (int i = 0; i < n; i++) {
            s.append(gen.chance(0.9) ? gen.pick(PIECES) : gen.text(2));
        }
        if (gen.chance(0.05)) {
            s.append("(".repeat(gen.between(1, 260))).append("1").append(")".repeat(gen.between(0, 260)));
        }
        if (gen.chance(0.05)) {
            s.append("-".repeat(gen.between(1, 499))).append("1");
        }
        return s.toString();
    }

    static MeasureTotals totals(Fuzz.Gen gen) {
        Map<Measure, BigDecimal> events = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            if (gen.chance(0.7)) {
                events.put(m, gen.chance(0.2) ? BigDecimal.ZERO
                        : new BigDecimal(gen.between(-1_000_000, 1_000_000)).movePointLeft(gen.between(0, 9)));
            }
        }
        Map<String, BigDecimal> statistics = gen.chance(0.5) ? Map.of("discharges", BigDecimal.valueOf(gen.between(0, 500)))
                : Map.of();
        return new MeasureTotals(events, statistics, gen.chance(0.8) ? BigDecimal.valueOf(gen.between(0, 366)) : null);
    }

    @Test
    void anyTextParsesOrIsRefusedAtAPositionAndAParsedFormulaAlwaysEvaluates() {
        Fuzz.check("formula", 18_15_10L, 20_000, 40, gen -> new Object[]{formula(gen), totals(gen)}, input -> {
            String text = (String) input[0];
            Formula f;
            try {
                f = Formula.parse(text, Set.of("discharges", "beds"));
            } catch (FormulaException e) {
                assertThat(e.getMessage()).isNotBlank();
                assertThat(e.position()).as("position of %s", e.kind()).isBetween(1, text.length() + 1);
                return;
            }
            assertThat(Formula.parse(f.text(), Set.of("discharges", "beds"))).as("reads the same again").isEqualTo(f);
            assertThat(Formula.stored(f.text())).isEqualTo(f);
            MeasureTotals totals = (MeasureTotals) input[1];
            BigDecimal value = f.evaluate(totals);
            assertThat(f.substitute(totals)).isNotBlank();
            assertThat(f.inputs(totals)).isNotNull();
            if (value != null) {
                assertThat(value.precision()).isPositive();
            }
            assertThat(f.evaluate(totals)).as("the same value twice").isEqualTo(value);
        });
    }

    @Test
    void theFuzzCasesAreReallyFound() {
        // the generator reaches both sides of the property, so the property above tests something
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 2_000; i++) {
            String text = formula(new Fuzz.Gen(new java.util.SplittableRandom(Fuzz.trySeed(18_15_10L, i)), 10));
            try {
                Formula.parse(text, Set.of("discharges"));
                parsed++;
            } catch (FormulaException e) {
                refused++;
            }
        }
        assertThat(parsed).isGreaterThan(50);
        assertThat(refused).isGreaterThan(50);
    }
}
