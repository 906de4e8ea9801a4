package org.meridian.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The response-time clock in words: minutes below an hour, hours and minutes below a day, then days and hours. */
class ProgressTest {

    private static String say(Duration d, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/referral");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return Progress.duration(d, messages, locale);
    }

    @Test
    void theClockIsSaidInTheLargestUnitsThatFitRoundedDown() {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        assertThat(say(Duration.ofSeconds(59 * 60 + 59), zh)).isEqualTo("59 分钟");
        // 61 min = 1 h 1 min
        assertThat(say(Duration.ofMinutes(61), zh)).isEqualTo("1 小时 1 分");
        // 23 h 59 min 59 s stays below a day
        assertThat(say(Duration.ofHours(24).minusSeconds(1), zh)).isEqualTo("23 小时 59 分");
        // 50 h = 2 d 2 h
        assertThat(say(Duration.ofHours(50), zh)).isEqualTo("2 天 2 小时");
        assertThat(say(Duration.ofMinutes(61), Locale.ENGLISH)).isEqualTo("1 h 1 min");
    }
}
