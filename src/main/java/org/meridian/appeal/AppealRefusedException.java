package org.meridian.appeal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request the appeal's or evaluation's state does not allow (409: an unpublished or superseded evaluation, a
 * passed deadline, a step out of order) or the caller may not take (403: another channel's scorecard, reviewing
 * one's own appeal). {@code messageKey} and {@code args} say the same for pages, in the reader's language.
 */
public class AppealRefusedException extends ErrorResponseException {

    private final String messageKey;
    private final List<Object> args;

    public AppealRefusedException(HttpStatus status, String detail, String messageKey, Object... args) {
        super(status, AppealNotFoundException.problem(status, status == HttpStatus.FORBIDDEN ? "Forbidden" : "Conflict",
                detail), null);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    static AppealRefusedException conflict(String detail, String messageKey, Object... args) {
        return new AppealRefusedException(HttpStatus.CONFLICT, detail, messageKey, args);
    }

    static AppealRefusedException forbidden(String detail, String messageKey, Object... args) {
        return new AppealRefusedException(HttpStatus.FORBIDDEN, detail, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }

    /**
     * The refusal in the reader's language (the same sentence on the pages and in the API's problem details), with
     * status names as the bundles name them ({@code appeal.status.*}: 审核中, Under review), never the raw names.
     */
    public String message(MessageSource messages, Locale locale) {
        Object[] shown = args.stream().map(a -> Arrays.stream(AppealStatus.values()).anyMatch(s -> s.name().equals(a))
                ? messages.getMessage("appeal.status." + a, null, locale) : a).toArray();
        return messages.getMessage(messageKey, shown, getBody().getDetail(), locale);
    }
}
