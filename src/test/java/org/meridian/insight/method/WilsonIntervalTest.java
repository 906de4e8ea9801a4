package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

class WilsonIntervalTest {

    /**
     * Newcombe (1998), Statistics in Medicine 17:857–872, Table II, 95 % intervals: method 3 (Wilson score) and method
     * 4 (score with continuity correction), printed to 4 decimals.
     */
    @ParameterizedTest
    @CsvSource({
        "81, 263, 0.2553, 0.3662, 0.2535, 0.3682",
        "15, 148, 0.0624, 0.1605, 0.0598, 0.1644",
        "0,  20,  0.0000, 0.1611, 0.0000, 0.2005",
        "1,  29,  0.0061, 0.1718, 0.0018, 0.1963",
    })
    void reproducesNewcombesTable(double x, double n, double lo, double hi, double loCc, double hiCc) {
        WilsonInterval.Result plain = WilsonInterval.of(x, n, null, null);
        assertThat(plain.estimate()).isEqualTo(x / n);
        assertThat(plain.lower()).isCloseTo(lo, within(5e-5));
        assertThat(plain.upper()).isCloseTo(hi, within(5e-5));
        WilsonInterval.Result cc = WilsonInterval.of(x, n, 0.95, true);
        assertThat(cc.lower()).isCloseTo(loCc, within(5e-5));
        assertThat(cc.upper()).isCloseTo(hiCc, within(5e-5));
    }

    @Test
    void noCorrectionAtHalfAndLimitsStayInTheUnitInterval() {
        // x = n/2: R's correction min(0.5, |x − n/2|) = 0, so both forms agree
        assertThat(WilsonInterval.of(5.0, 10.0, null, true)).isEqualTo(WilsonInterval.of(5.0, 10.0, null, false));
        WilsonInterval.Result all = WilsonInterval.of(20.0, 20.0, null, true);
        assertThat(all.upper()).isEqualTo(1.0);
        // symmetric to 0/20: lower = 1 − 0.2005
        assertThat(all.lower()).isCloseTo(1 - 0.2005, within(5e-5));
        WilsonInterval.Result one = WilsonInterval.of(1.0, 1.0, null, null);
        assertThat(one.lower()).isBetween(0.0, 1.0);
        assertThat(one.upper()).isEqualTo(1.0);
    }

    @Test
    void aWiderConfidenceGivesAWiderInterval() {
        WilsonInterval.Result c95 = WilsonInterval.of(81.0, 263.0, 0.95, null);
        WilsonInterval.Result c99 = WilsonInterval.of(81.0, 263.0, 0.99, null);
        assertThat(c99.lower()).isLessThan(c95.lower());
        assertThat(c99.upper()).isGreaterThan(c95.upper());
    }

    @Test
    void badCountsAreRejected() {
        assertThatThrownBy(() -> WilsonInterval.of(5.5, 0.0, 1.0, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("trials", "successes", "confidence"));
        assertThatThrownBy(() -> WilsonInterval.of(11.0, 10.0, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("successes"));
    }
}
