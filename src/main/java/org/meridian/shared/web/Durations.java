package org.meridian.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows a length of time as a person reads it ({@code ${@durations.hours(h)}}): under a day in hours with one decimal
 * ("5.5 小时"), from a day on in whole days and hours ("89 天 6 小时", rounded to the hour), never thousands of hours.
 * Null shows as an empty string. Exact values stay in exports and the API.
 */
@Component("durations")
public class Durations {

    private final MessageSource messages;

    Durations(MessageSource messages) {
        this.messages = messages;
    }

    public String hours(Number hours) {
        if (hours == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        double h = hours.doubleValue();
        if (Math.abs(h) < 24) {
            String value = BigDecimal.valueOf(h).setScale(1, RoundingMode.HALF_UP).toPlainString();
            return messages.getMessage("duration.hours", new Object[] {value}, locale);
        }
        long total = Math.round(Math.abs(h));
        long days = total / 24;
        long rest = total % 24;
        String sign = h < 0 ? "-" : "";
        return rest == 0
                ? sign + messages.getMessage("duration.days", new Object[] {days}, locale)
                : sign + messages.getMessage("duration.daysHours", new Object[] {days, rest}, locale);
    }
}
