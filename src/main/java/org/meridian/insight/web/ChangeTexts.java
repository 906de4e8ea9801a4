package org.meridian.insight.web;

import java.util.List;
import java.util.Locale;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.meridian.insight.change.ChangeMeasure;
import org.meridian.insight.change.ChangeSentences;
import org.meridian.insight.change.Phrase;
import org.meridian.insight.change.Phrases;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The explained changes' sentences in the reader's language, for the pages ({@code ${@changeTexts.write(p)}}). */
@Component("changeTexts")
class ChangeTexts {

    private final MessageSource messages;

    ChangeTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String write(Phrase phrase) {
        return Phrases.write(messages, LocaleContextHolder.getLocale(), phrase);
    }

    public String write(List<Phrase> phrases) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder b = new StringBuilder();
        for (Phrase p : phrases) {
            if (!b.isEmpty() && !Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
                b.append(' ');
            }
            b.append(Phrases.write(messages, locale, p));
        }
        return b.toString();
    }

    /** An amount with its unit ("1,234 例"), "—" for none. */
    public String amount(ChangeMeasure m, BigDecimal v) {
        return v == null ? "—" : write(ChangeSentences.amount(m, v));
    }

    /** A signed amount with its unit ("+12 例"), "—" for none. */
    public String signed(ChangeMeasure m, BigDecimal v) {
        return v == null ? "—" : write(ChangeSentences.signedAmount(m, v));
    }

    /** A per cent with its sign and one decimal ("+12.5%"), "—" for none. */
    public String percent(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        String digits = ChangeSentences.plain(v.abs()) + "%";
        return v.signum() > 0 ? "+" + digits : v.signum() < 0 ? "−" + digits : digits;
    }

    /** Two scores or weights, this month's and the compared month's ("80 / 72.5"), "—" for a missing one. */
    public String pair(BigDecimal now, BigDecimal then) {
        return figure(now) + " / " + figure(then);
    }

    private static String figure(BigDecimal v) {
        return v == null ? "—" : ChangeSentences.number(ChangeMeasure.AVERAGE_TOTAL, v);
    }

    public String month(YearMonth month) {
        return write(ChangeSentences.month(month));
    }
}
