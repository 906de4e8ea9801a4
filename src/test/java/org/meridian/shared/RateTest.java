package org.meridian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A rate shown in per cent is rounded once, half up, from its counts; its fraction keeps 6 decimals. */
class RateTest {

    @Test
    void sixOfElevenIs54Point5NotTheTwiceRounded54Point6() {
        // 6 / 11 = 0.545454…, so 54.5454… % → 54.5 % (the next digit 4 rounds down).
        // Rounded first to 4 decimals it was 0.5455 → 54.55 % → 54.6 %: wrong.
        Rate r = Rate.of(6, 11);
        assertThat(r.percent()).isEqualByComparingTo("54.5");
        assertThat(Figures.percent(r)).isEqualTo("54.5 %");
        assertThat(r.fraction()).isEqualTo(new BigDecimal("0.545455"));   // 0.5454545… → 6 decimals, half up
    }

    @Test
    void thePerCentComesFromTheCountsEvenWhereSixDecimalsWouldRoundTwice() {
        // 2011 × 0.5455 = 1097.0005, so 1097 / 2011 lies 0.0005 / 2011 ≈ 0.000000249 below 0.5455:
        // 0.5454997… → 54.54997… % → 54.5 %. Its fraction to 6 decimals is 0.545500 (the 7th digit is 7),
        // which as a per cent would round to 54.6 %.
        Rate r = Rate.of(1097, 2011);
        assertThat(r.fraction()).isEqualTo(new BigDecimal("0.545500"));
        assertThat(Figures.percent(1097, 2011)).isEqualTo("54.5 %");
    }

    @Test
    void halfUpNotHalfEven() {
        // 1 / 16 = 6.25 % exactly: half up gives 6.3 % (half even, as java.text.DecimalFormat rounds, gives 6.2 %).
        assertThat(Figures.percent(1, 16)).isEqualTo("6.3 %");
        // 1 / 8 = 12.5 % exactly; 0 of 7 is 0.0 %; 7 of 7 is 100.0 %.
        assertThat(Figures.percent(1, 8)).isEqualTo("12.5 %");
        assertThat(Figures.percent(0, 7)).isEqualTo("0.0 %");
        assertThat(Figures.percent(7, 7)).isEqualTo("100.0 %");
        assertThat(Rate.of(1, 16).fraction()).isEqualTo(new BigDecimal("0.062500"));
    }

    @Test
    void nothingToShowWithoutAWhole() {
        assertThat(Rate.orNull(0, 0)).isNull();
        assertThat(Figures.percent(0, 0)).isEqualTo("—");
        assertThat(Rate.fraction(null)).isNull();
        assertThatThrownBy(() -> Rate.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rate.of(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesCompareExactly() {
        // 1/3 and 2/6 are equal; 1/3 = 0.3333… < 0.34 = 34/100 although both show as 33.3 % and 34.0 %.
        assertThat(Rate.of(1, 3).compareTo(Rate.of(2, 6))).isZero();
        assertThat(Rate.of(1, 3)).isLessThan(Rate.of(34, 100));
        // 3333/10000 < 1/3, though both show 33.3 %.
        assertThat(Rate.of(3333, 10000)).isLessThan(Rate.of(1, 3));
    }
}
