package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo's calendar: the Spring Festival table and the dip it causes, whatever year the demo starts in. */
class DemoCalendarTest {

    private static final List<LocalDate> FESTIVALS = IntakeDemoData.SPRING_FESTIVALS;

    @Test
    void theTableHasOneSpringFestivalForEveryYearFrom2020To2040() {
        assertThat(FESTIVALS).extracting(LocalDate::getYear)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2020, 2040).boxed().toList());
    }

    /**
     * A check of the table that does not repeat it: the Spring Festival falls between 21 January and
     * 20 February, and a lunar year has 12 months of 353 to 355 days or 13 months (with a leap month) of 383 to
     * 385 days, so consecutive festivals lie that many days apart.
     */
    @Test
    void everyDateIsAPlausibleLunarNewYear() {
        for (LocalDate d : FESTIVALS) {
            assertThat(MonthDay.from(d)).as("%s", d)
                    .isBetween(MonthDay.of(1, 21), MonthDay.of(2, 20));
        }
        for (int i = 1; i < FESTIVALS.size(); i++) {
            long days = ChronoUnit.DAYS.between(FESTIVALS.get(i - 1), FESTIVALS.get(i));
            assertThat(days).as("from %s to %s", FESTIVALS.get(i - 1), FESTIVALS.get(i))
                    .satisfiesAnyOf(n -> assertThat(n).isBetween(353L, 355L), n -> assertThat(n).isBetween(383L, 385L));
        }
    }

    /** The dip around a festival after 2026 (2031-01-23): 0.7 from 10 days before, 0.4 from 3 days before, 0.15
     * for the festival week, 0.6 in the second week, then normal again. */
    @Test
    void theDipFollowsTheFestivalInLaterYearsToo() {
        LocalDate festival = LocalDate.of(2031, 1, 23);
        assertThat(IntakeDemoData.holiday(festival.minusDays(11))).isEqualTo(1.0);
        assertThat(IntakeDemoData.holiday(festival.minusDays(10))).isEqualTo(0.7);
        assertThat(IntakeDemoData.holiday(festival.minusDays(3))).isEqualTo(0.4);
        assertThat(IntakeDemoData.holiday(festival)).isEqualTo(0.15);
        assertThat(IntakeDemoData.holiday(festival.plusDays(6))).isEqualTo(0.15);
        assertThat(IntakeDemoData.holiday(festival.plusDays(14))).isEqualTo(0.6);
        assertThat(IntakeDemoData.holiday(festival.plusDays(15))).isEqualTo(1.0);
        assertThat(IntakeDemoData.holiday(LocalDate.of(2035, 2, 8))).as("the last year the issue asks for").isEqualTo(0.15);
    }
}
