package org.meridian.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.meridian.shared.NamedValues;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes the channel portal an installable web app, both public because the browser fetches them without the
 * session (the manifest without cookies at all) and neither holds data:
 * <ul>
 * <li>{@code /portal/manifest.webmanifest} ({@code application/manifest+json}): name 经络渠道门户, Chinese, opening
 *     the portal home in a window of its own (standalone), scope the whole application, icons 192 and 512 px and a
 *     maskable one;</li>
 * <li>{@code /portal/sw.js} ({@code text/javascript}) with {@code Service-Worker-Allowed: /}: the service worker,
 *     its list of shell files ({@link #SHELL}, webjars with their version as the pages name them) and a version
 *     that changes whenever one of those files does, so that a new release replaces the cached shell.</li>
 * </ul>
 */
@Controller
class PortalApp {

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");
    static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    /** The theme colour, Meridian's brand teal (the top bar's colour). */
    static final String THEME = "#0f5f7a";

    /** The shell: every file the portal's pages need to draw themselves, none of them with data. */
    static final List<String> SHELL = List.of("/css/meridian.css", "/css/portal.css", "/js/meridian.js",
            "/js/portal.js", "/img/meridian.svg", "/img/portal/icon-192.png", "/img/portal/icon-512.png",
            "/img/portal/icon-maskable-512.png", "/webjars/htmx.org/dist/htmx.min.js",
            "/webjars/echarts/echarts.min.js");
    /** Path prefixes of static assets, the only requests the worker answers from its cache. */
    static final List<String> STATIC = List.of("/css/", "/js/", "/img/", "/webjars/");
    static final String OFFLINE = "/portal/offline";

    private final MessageSource messages;
    private final ResourceUrlProvider urls;
    private final JsonMapper json;
    private volatile String worker;

    PortalApp(MessageSource messages, ResourceUrlProvider urls, JsonMapper json) {
        this.messages = messages;
        this.urls = urls;
        this.json = json;
    }

    @GetMapping("/portal/manifest.webmanifest")
    ResponseEntity<String> manifest(HttpServletRequest request) {
        String base = request.getContextPath();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        Map<String, Object> m = NamedValues.of(
                "id", base + "/portal",
                "name", messages.getMessage("portal.app.name", null, zh),
                "short_name", messages.getMessage("portal.app.shortName", null, zh),
                "description", messages.getMessage("portal.app.description", null, zh),
                "lang", "zh-CN",
                "dir", "ltr",
                "start_url", base + "/portal",
                "scope", base + "/",
                "display", "standalone",
                "orientation", "portrait",
                "theme_color", THEME,
                "background_color", "#f4f7f8",
                "icons", List.of(
                        icon(base + "/img/portal/icon-192.png", "192x192", "any"),
                        icon(base + "/img/portal/icon-512.png", "512x512", "any"),
                        icon(base + "/img/portal/icon-maskable-512.png", "512x512", "maskable")));
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache())
                .body(json.writeValueAsString(m));
    }

    private static Map<String, String> icon(String src, String sizes, String purpose) {
        return Map.of("src", src, "sizes", sizes, "type", "image/png", "purpose", purpose);
    }

    @GetMapping("/portal/sw.js")
    ResponseEntity<String> worker(HttpServletRequest request) {
        String base = request.getContextPath();
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache())
                .header("Service-Worker-Allowed", base + "/")
                .body(workerScript(base));
    }

    private String workerScript(String base) {
        String w = worker;
        if (w == null) {
            List<String> shell = new ArrayList<>(SHELL.stream().map(p -> base + versioned(p)).toList());
            shell.add(base + OFFLINE);
            byte[] template = bytes("portal/sw.js");
            MessageDigest digest = sha256();
            digest.update(template);
            digest.update(String.join("\n", shell).getBytes(StandardCharsets.UTF_8));
            digest.update(bytes("templates/portal/offline.html"));
            for (String path : SHELL) {
                if (!path.startsWith("/webjars/")) { // webjars carry their version in the path
                    digest.update(bytes("static" + path));
                }
            }
            String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            w = new String(template, StandardCharsets.UTF_8).replace("'__VERSION__'", json.writeValueAsString(version))
                    .replace("__SHELL__", json.writeValueAsString(shell))
                    .replace("'__OFFLINE__'", json.writeValueAsString(base + OFFLINE))
                    .replace("__STATIC__", json.writeValueAsString(STATIC.stream().map(p -> base + p).toList()));
            worker = w;
        }
        return w;
    }

    /** The path as the pages name it (a webjar with its version). */
    private String versioned(String path) {
        String resolved = urls.getForLookupPath(path);
        return resolved == null ? path : resolved;
    }

    private static byte[] bytes(String classpath) {
        try (InputStream in = new ClassPathResource(classpath).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("missing portal file " + classpath, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
