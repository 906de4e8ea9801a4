package org.meridian.incentive.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesEveryKindWithItsDates() {
        assertThat(Period.parse("2026-09").end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(Period.parse("2026-Q3").start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(Period.parse("2026-Q3").end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(Period.parse("2026-H2").start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(Period.parse("2026").end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Period.parse("2028-02").end()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Period.parse("2026-Q4").next()).hasToString("2027-Q1");
        assertThat(Period.parse("2026-09")).hasToString("2026-09");
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        for (String bad : new String[] {"2026-13", "2026-Q5", "26-Q1", "Q3", "", "2026-H3"}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(InvalidIncentiveException.class);
        }
    }
}
