package org.meridian.shared.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.meridian.shared.NamedValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The most a file upload (a {@code multipart/form-data} request) may carry, per route, enforced before a byte of its
 * body is read (docs/security.md, Uploads): appeal attachments 5 MiB each (a new appeal carries up to five), channel
 * files, event files, statistics files and exam files each their own setting, any other upload
 * {@code meridian.uploads.other}. A request that declares more ({@code Content-Length}) is answered 413 with a
 * problem detail (a short page of its own for a browser) and nothing is read or stored; one that declares no length is
 * answered 411 unless its route accepts as much as the server's ceiling anyway
 * ({@code spring.servlet.multipart.max-request-size}). Every request may add {@value #ENVELOPE} bytes for the
 * multipart boundaries and the form's other fields. Accepted uploads are written to disk as they arrive
 * ({@code spring.servlet.multipart.file-size-threshold=0}), never held in memory whole.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UploadLimits extends OncePerRequestFilter {

    /** What a multipart request may carry besides its files: boundaries, part headers, the form's text fields. */
    public static final int ENVELOPE = 64 * 1024;

    /** One kind of upload: the paths (Ant-style {@code *} for one segment) and the most one request may carry. */
    public record Route(String name, long maxBytes, List<String> paths) {
    }

    private final List<Route> routes;
    private final Route other;
    private final long ceiling;
    private final MessageSource messages;
    private final JsonMapper json;

    UploadLimits(@Value("${meridian.uploads.appeal-attachment:5MB}") DataSize attachment,
                 @Value("${meridian.uploads.channel-file:10MB}") DataSize channelFile,
                 @Value("${meridian.uploads.event-file:2GB}") DataSize eventFile,
                 @Value("${meridian.uploads.statistics-file:32MB}") DataSize statisticsFile,
                 @Value("${meridian.uploads.exam-file:32MB}") DataSize examFile,
                 @Value("${meridian.uploads.other:1MB}") DataSize otherUpload,
                 @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize ceiling,
                 MessageSource messages, JsonMapper json) {
        this.routes = List.of(
                new Route("appeal-attachment", attachment.toBytes(),
                        List.of("/appeals/*/attachments", "/api/v1/appeals/*/attachments")),
                new Route("appeal-attachments", attachment.toBytes() * MAX_ATTACHMENTS, List.of("/appeals")),
                new Route("channel-file", channelFile.toBytes(), List.of("/channels/import", "/api/v1/channels/imports")),
                new Route("event-file", eventFile.toBytes(), List.of("/api/v1/imports", "/intake/quality/upload")),
                new Route("statistics-file", statisticsFile.toBytes(),
                        List.of("/api/v1/statistics/import", "/units/statistics")),
                new Route("exam-file", examFile.toBytes(), List.of("/api/v1/exams/import", "/api/v1/exam-items/import")));
        this.other = new Route("other", otherUpload.toBytes(), List.of());
        this.ceiling = ceiling.toBytes();
        this.messages = messages;
        this.json = json;
    }

    /** As many attachments as a new appeal may carry (AttachmentPolicy.MAX_FILES in the appeal module). */
    static final int MAX_ATTACHMENTS = 5;

    /** The route of a path; {@code other} for any path no route names. */
    Route route(String path) {
        for (Route r : routes) {
            for (String p : r.paths()) {
                if (matches(p, path)) {
                    return r;
                }
            }
        }
        return other;
    }

    private static boolean matches(String pattern, String path) {
        String[] want = pattern.split("/");
        String[] have = path.split("/");
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Route route = route(path);
        long allowed = route.maxBytes() + ENVELOPE;
        long declared = request.getContentLengthLong();
        if (declared < 0 && request instanceof MultipartHttpServletRequest parsed) {
            // already parsed by whoever built the request (a test's mock request): count its files instead
            declared = parsed.getMultiFileMap().values().stream().flatMap(List::stream)
                    .mapToLong(MultipartFile::getSize).sum();
        }
        if (declared > allowed) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "upload.tooLarge", route.maxBytes());
            return;
        }
        if (declared < 0 && allowed < ceiling) {
            refuse(request, response, HttpStatus.LENGTH_REQUIRED, "upload.lengthRequired", route.maxBytes());
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                        long maxBytes) throws IOException {
        Locale locale = language(request);
        String detail = messages.getMessage(key, new Object[] {size(maxBytes)}, locale);
        response.setHeader("Connection", "close");
        if (browser(request)) {
            // a page of its own rather than the error page: rendering that reads request parameters, which would
            // make the server read the very body that is refused
            response.setStatus(status.value());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                    + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                    + HtmlUtils.htmlEscape(messages.getMessage("upload.title", null, locale)) + "</title></head><body>"
                    + "<main style=\"max-width:40rem;margin:2rem auto;padding:0 1rem;font-family:sans-serif\"><h1>"
                    + HtmlUtils.htmlEscape(messages.getMessage("upload.title", null, locale)) + "</h1><p>"
                    + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"javascript:history.back()\">"
                    + HtmlUtils.htmlEscape(messages.getMessage("upload.back", null, locale)) + "</a></p></main>"
                    + "</body></html>");
            return;
        }
        Map<String, Object> problem = NamedValues.of(
                "type", status == HttpStatus.CONTENT_TOO_LARGE ? "urn:meridian:upload-too-large"
                        : "urn:meridian:upload-length-required",
                "title", messages.getMessage("upload.title", null, locale),
                "status", status.value(),
                "detail", detail,
                "instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** 5 MiB, 1.5 GiB: the limit as people read it. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return trim(bytes / (double) (1L << 30)) + " GB";
        }
        if (bytes >= 1L << 20) {
            return trim(bytes / (double) (1L << 20)) + " MB";
        }
        return trim(bytes / 1024.0) + " KB";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The caller's language without reading the body (a form parameter would make the server read it). */
    private static Locale language(HttpServletRequest request) {
        String lang = null;
        for (String pair : (request.getQueryString() == null ? "" : request.getQueryString()).split("&")) {
            if (pair.startsWith("lang=")) {
                lang = pair.substring("lang=".length());
            }
        }
        if (lang == null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if ("meridian-lang".equals(c.getName())) {
                    lang = c.getValue();
                }
            }
        }
        if (StringUtils.hasText(lang)) {
            return lang.strip().toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
        String header = request.getHeader("Accept-Language");
        if (StringUtils.hasText(header)) {
            return request.getLocale().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
        return isApi(request) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/fhir/");
    }

    private static boolean browser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !isApi(request) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
