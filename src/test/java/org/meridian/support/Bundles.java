package org.meridian.support;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's shared message bundle ({@code messages*.properties}) for tests without a Spring context. */
public final class Bundles {

    private Bundles() {
    }

    public static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
