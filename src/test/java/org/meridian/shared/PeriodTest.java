package org.meridian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2026-09, MONTH, 2026-09-01, 2026-09-30, 2026-08",
            "2026-01, MONTH, 2026-01-01, 2026-01-31, 2025-12",
            "2024-02, MONTH, 2024-02-01, 2024-02-29, 2024-01",
            "2028-02, MONTH, 2028-02-01, 2028-02-29, 2028-01",
            "2026-Q3, QUARTER, 2026-07-01, 2026-09-30, 2026-Q2",
            "2026-Q1, QUARTER, 2026-01-01, 2026-03-31, 2025-Q4",
            "2026-Q4, QUARTER, 2026-10-01, 2026-12-31, 2026-Q3",
            "2026-H2, HALF, 2026-07-01, 2026-12-31, 2026-H1",
            "2026-H1, HALF, 2026-01-01, 2026-06-30, 2025-H2",
            "2026, YEAR, 2026-01-01, 2026-12-31, 2025"})
    void readsWritesAndSpansItsDates(String text, Period.Kind kind, LocalDate first, LocalDate last, String previous) {
        Period p = Period.parse(text).orElseThrow();
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.firstDay()).isEqualTo(first);
        assertThat(p.lastDay()).isEqualTo(last);
        assertThat(p).hasToString(text);
        assertThat(p.previous()).hasToString(previous);
        assertThat(p.previous().next()).isEqualTo(p);
        assertThat(p.contains(first)).isTrue();
        assertThat(p.contains(last)).isTrue();
        assertThat(p.contains(first.minusDays(1))).isFalse();
        assertThat(p.contains(last.plusDays(1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "abc", "", " 2026-09", "2026-9",
            "26-09", "2026-q3", "2026-Q", "2026-09-01", "0999", "2026-M09", "26-Q1", "Q3"})
    void rejectsAnythingElse(String text) {
        assertThat(Period.parse(text)).isEmpty();
    }

    @Test
    void nullIsNoPeriod() {
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void constructorChecksItsIndex() {
        assertThatThrownBy(() -> Period.month(2026, 13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.quarter(2026, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(Period.Kind.YEAR, 2026, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodContainingADate() {
        LocalDate d = LocalDate.of(2026, 8, 15);
        assertThat(Period.containing(Period.Kind.MONTH, d)).hasToString("2026-08");
        assertThat(Period.containing(Period.Kind.QUARTER, d)).hasToString("2026-Q3");
        assertThat(Period.containing(Period.Kind.HALF, d)).hasToString("2026-H2");
        assertThat(Period.containing(Period.Kind.YEAR, d)).hasToString("2026");
    }

    @Test
    void ordersByFirstDayThenLength() {
        assertThat(Period.parse("2026-07").orElseThrow()).isLessThan(Period.parse("2026-Q3").orElseThrow());
        assertThat(Period.parse("2026-08").orElseThrow()).isGreaterThan(Period.parse("2026-07").orElseThrow());
        assertThat(Period.year(2025)).isLessThan(Period.month(2026, 1));
    }
}
