package org.meridian.shared.web;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.StringUtils;

/**
 * The language a caller asked for. Pages and most APIs use Spring's resolved locale (zh-CN unless {@code ?lang=en}
 * or the {@code meridian-lang} cookie says otherwise); this class is for the answers that default to English.
 */
public final class CallerLanguage {

    /** The cookie in which {@code ?lang=} is remembered (see {@code WebConfiguration}). */
    public static final String COOKIE = "meridian-lang";

    private CallerLanguage() {
    }

    /**
     * {@code ?lang=} if given, else the {@code meridian-lang} cookie, else the {@code Accept-Language} header (Chinese
     * when its first language is Chinese, English otherwise), and English when the caller says nothing. Works before
     * Spring MVC has resolved a locale too (in the security filter chain).
     */
    public static Locale englishUnlessAsked(HttpServletRequest request) {
        Locale chosen = parse(request.getParameter("lang"));
        if (chosen == null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    chosen = parse(c.getValue());
                }
            }
        }
        if (chosen != null) {
            return chosen;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            return request.getLocale().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
        return Locale.ENGLISH;
    }

    private static Locale parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Locale locale = StringUtils.parseLocale(value.strip());
            return locale == null || locale.getLanguage().isEmpty() ? null : locale;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
