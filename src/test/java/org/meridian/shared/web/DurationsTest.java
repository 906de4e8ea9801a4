package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meridian.support.Bundles;
import org.springframework.context.i18n.LocaleContextHolder;

/** Delays read as a person says them: hours under a day, days and hours beyond (the quality page's late list). */
class DurationsTest {

    private final Durations durations = new Durations(Bundles.messages());


    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void underADayInHoursWithOneDecimalBeyondInDaysAndWholeHours() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(durations.hours(5.25)).isEqualTo("5.3 小时");          // 5.25 rounded half up to one decimal
        assertThat(durations.hours(23.94)).isEqualTo("23.9 小时");
        // 2,142.6 h (the delay the issue found shown as "2,142.6 小时"): 2,143 h = 89 × 24 + 7
        assertThat(durations.hours(2142.6)).isEqualTo("89 天 7 小时");
        assertThat(durations.hours(48)).isEqualTo("2 天");                 // 48 = 2 × 24, no hours left
        assertThat(durations.hours(null)).isEmpty();
    }

    @Test
    void inEnglishDaysAreCountedInWords() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(durations.hours(30)).isEqualTo("1 day 6 h");           // 30 = 24 + 6
        assertThat(durations.hours(72.2)).isEqualTo("3 days");           // 72.2 rounds to 72 = 3 × 24
        assertThat(durations.hours(2.5)).isEqualTo("2.5 h");
    }
}
