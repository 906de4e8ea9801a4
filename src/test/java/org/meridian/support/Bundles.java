package org.meridian.support;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's message bundles as the application reads them ({@code messages*.properties} and every module's
 * {@code i18n/<module>*.properties}), for tests without a Spring context.
 */
public final class Bundles {

    private Bundles() {
    }

    public static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames(org.meridian.shared.web.MessageBundles.basenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
