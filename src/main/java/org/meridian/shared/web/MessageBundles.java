package org.meridian.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Where the texts live: the shared {@code messages} bundle and one {@code i18n/<module>} bundle per module. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** {@code messages} plus {@code i18n/<name>} for every base (non-localised) bundle on the classpath. */
    public static List<String> basenames() {
        List<String> names = new ArrayList<>();
        names.add("messages");
        try {
            TreeSet<String> modules = new TreeSet<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
                String file = r.getFilename();
                if (file != null && !file.contains("_")) {
                    modules.add("i18n/" + file.substring(0, file.length() - ".properties".length()));
                }
            }
            names.addAll(modules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
