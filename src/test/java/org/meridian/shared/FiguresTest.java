package org.meridian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The precision a person reads: rates 1 decimal, scores and most values at most 2, yuan whole. */
class FiguresTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void ratesWithOneDecimalScoresWithAtMostTwo() {
        assertThat(Figures.value(d("77.7778"), "%")).isEqualTo("77.8");      // the 77.7778 %
        assertThat(Figures.value(d("66.666667"), "%")).isEqualTo("66.7");    // 2 / 3
        assertThat(Figures.value(d("100"), "%")).isEqualTo("100.0");
        assertThat(Figures.value(d("2.45"), "‰")).isEqualTo("2.5");          // half up
        assertThat(Figures.score(d("33.333333"))).isEqualTo("33.33");
        assertThat(Figures.score(d("100.0000"))).isEqualTo("100");
        assertThat(Figures.score(d("46.665"))).isEqualTo("46.67");           // half up
    }

    @Test
    void countsStayWholeMoneyToTheYuanOrTwoDecimalsOf10kYuan() {
        assertThat(Figures.value(d("15"), "人次")).isEqualTo("15");
        assertThat(Figures.value(d("15.0000"), "人次")).isEqualTo("15");
        assertThat(Figures.value(d("3.14159"), "万元")).isEqualTo("3.14");
        assertThat(Figures.value(d("12345.5"), "元")).isEqualTo("12346");
        assertThat(Figures.value(d("-4.5"), "小时")).isEqualTo("−4.5");
        assertThat(Figures.value(d("0.0000"), "%")).isEqualTo("0.0");
        assertThat(Figures.value(null, "%")).isEqualTo("—");
    }
}
