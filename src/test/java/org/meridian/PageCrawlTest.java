package org.meridian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meridian.indicator.CatalogueEntry;
import org.meridian.indicator.IndicatorCatalogue;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every page a demo person can reach speaks to a person (issue 12 point 3): signed in as each demo account of the
 * README, the crawl follows every same-origin link from the home page, submits every form that reads (method GET:
 * filters, the choice before a new appeal) with the values it shows, and asks for every htmx fragment a page loads
 * ({@code hx-get}, with the {@code HX-Request} header htmx sends) — breadth first, at most {@value #PER_SHAPE} pages of
 * one shape such as {@code /channels/{code}} for each of the three, never a write, the sign-out, the language
 * switch, a download or the API — and fails on
 * <ul>
 *   <li>a page that answers anything but 200 (a 403 or 404 behind a link the page offered is a link the role
 *       should not have been shown), or that answers a browser with JSON;</li>
 *   <li>a raw code in the visible text: any UPPER_SNAKE word, any constant of one of Meridian's enums (ACCEPTED,
 *       PUBLISHED) and any indicator code of the hospital's catalogue (REFERRAL_VOLUME, CMI);</li>
 *   <li>JSON-looking text, an ISO or UTC time ({@code 2026-11-03T08:00:00Z}), a Java record's or object's
 *       {@code toString}, an IPv6 loopback address, or {@code null}, {@code NaN}, {@code Infinity}.</li>
 * </ul>
 * Visible text is the body's text without scripts, styles and attributes (chart data lives in {@code data-chart}
 * and is not text). What is deliberately code-like is allowed in {@link #ALLOWED} with its reason; nothing else.
 * A new page is crawled without being named here, as long as a link reaches it. Every role is crawled twice: in
 * Chinese, and in English (the language switch's cookie), the product's second language.
 */
@MeridianDemoTest
class PageCrawlTest {

    /** Pages visited per shape of path (its ids and codes, and the query, ignored). */
    static final int PER_SHAPE = 2;
    static final int MAX_PAGES = 400;

    /** Words that look like codes but are what a person reads, with the reason. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("API",
                    "the integration API is called so in Chinese too (API 令牌)"),
            Map.entry("CMI",
                    "the case-mix index is called CMI in Chinese hospitals too; its name says so: 病例组合指数（CMI）"),
            Map.entry("CCR",
                    "the DEA model's name in the literature (Charnes, Cooper, Rhodes), shown beside 规模报酬不变"),
            Map.entry("BCC",
                    "the DEA model's name in the literature (Banker, Charnes, Cooper), shown beside 规模报酬可变"),
            Map.entry("CSV",
                    "a file format's name"),
            Map.entry("XLSX",
                    "a file format's name"),
            Map.entry("PDF",
                    "a file format's name"),
            Map.entry("PNG",
                    "a file format's name (the attachments an appeal takes)"),
            Map.entry("JPEG",
                    "a file format's name (the attachments an appeal takes)"),
            Map.entry("CNY",
                    "the yuan's ISO 4217 name, as English pages write amounts (人民币 and 元 in Chinese)"),
            Map.entry("AHP",
                    "the analytic hierarchy process's usual abbreviation, shown beside its name (层次分析法)"),
            Map.entry("GB18030",
                    "a text encoding's name, as editors and the import page call the encoding Chinese Excel saves CSV in"),
            Map.entry("DEA",
                    "data envelopment analysis, as Chinese efficiency studies abbreviate it (DEA 效率得分)"));

    /*
     * Also allowed, by markup rather than by word:
     * - text in <code>: an identifier a person types or matches elsewhere, shown as code on purpose (the indicator
     *   catalogue's codes, which the API and the scheme files use; event ids);
     * - a word joined to others by hyphens: a code the hospital chose itself, like the channel code CH-001 or the
     *   incentive rule code TOP3-EXAM_CENTER.
     */
    /**
     * Pages a role's GET changes something on, left out for that role only (the same page is crawled as another
     * role), with the reason: the crawl shares the demo data with the other demo tests and must leave it as it was.
     */
    static final Map<String, Pattern> CHANGES_ON_OPENING = Map.of(
            // a channel's own user opening its report records the view (delivery status 已查看); the demo keeps the
            // partner's newest report unread, and the office's crawl opens the same page
            "partner", Pattern.compile("/feedback/reports/\\d+"));

    static final Pattern UPPER_SNAKE = Pattern.compile("(?<![-\\w])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![-\\w])");
    static final Pattern UPPER_WORD = Pattern.compile("(?<![-\\w])[A-Z][A-Z0-9]{2,}(?![-\\w])");
    static final Pattern JSON = Pattern.compile("[{\\[]\\s*\"[^\"]*\"\\s*[:,\\]]|\\[\\s*\\{|\\{\\s*}");
    static final Pattern ISO_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|T\\d{2}:\\d{2}:\\d{2}|\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z\\b"
                    + "|\\d{2}:\\d{2}(:\\d{2})?[+-]\\d{2}:\\d{2}|\\bUTC\\b");
    static final Pattern TO_STRING = Pattern.compile("\\b[A-Z]\\w+\\[\\w+=|\\borg\\.meridian\\.|@[0-9a-f]{6,}\\b");
    static final Pattern LOOPBACK = Pattern.compile("0:0:0:0:0:0:0:1|::1\\b");
    static final Pattern NOTHING = Pattern.compile("\\b(null|NaN|Infinity|undefined)\\b");

    static final Set<String> enumConstants = new TreeSet<>();

    /** How a crawled address was found: a link (or a redirect), a form that reads, an htmx {@code hx-get}. */
    static final String PAGE = "page";
    static final String FORM = "form:";
    static final String FRAGMENT = "hx:";

    @Autowired MockMvc mvc;
    @Autowired IndicatorCatalogue catalogue;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void readEnums() throws Exception {
        Resource[] classes = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/meridian/**/*.class");
        for (Resource resource : classes) {
            String path = resource.getURL().getPath();
            if (path.contains("/test-classes/")) {
                continue;
            }
            String name = path.substring(path.lastIndexOf("org/meridian/")).replace(".class", "").replace('/', '.');
            Class<?> type;
            try {
                type = Class.forName(name, false, PageCrawlTest.class.getClassLoader());
            } catch (Throwable e) {
                continue;
            }
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    String text = ((Enum<?>) constant).name();
                    if (text.length() >= 3 && text.equals(text.toUpperCase())) {
                        enumConstants.add(text);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "manager", "office", "analyst", "regulator", "desk", "region", "partner"})
    void everyPageReachableByTheRoleSpeaksToAPerson(String username) throws Exception {
        crawl(username, null);
    }

    /**
     * The same crawl in English (the language switch's cookie set to {@code en}): English is the second language of
     * every page, so its pages are held to the same rules.
     */
    @ParameterizedTest
    @ValueSource(strings = {"admin", "manager", "office", "analyst", "regulator", "desk", "region", "partner"})
    void everyEnglishPageReachableByTheRoleSpeaksToAPerson(String username) throws Exception {
        crawl(username, new Cookie("meridian-lang", "en"));
    }

    private void crawl(String username, Cookie language) throws Exception {
        Set<String> codes = new TreeSet<>(enumConstants);
        long hospitalId = jdbc.sql("SELECT id FROM hospital WHERE code = 'H001'").query(Long.class).single();
        for (CatalogueEntry entry : catalogue.catalogue(hospitalId)) {
            codes.add(entry.code());
        }
        codes.removeAll(ALLOWED.keySet());

        MockHttpSession session = signIn(username);
        List<String> findings = new ArrayList<>();
        Map<String, Integer> shapes = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {"/", "(start)", PAGE});
        seen.add("/");
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_PAGES) {
            String[] next = queue.poll();
            String url = next[0];
            String from = next[1];
            boolean fragment = next[2].equals(FRAGMENT);
            visited++;
            MockHttpServletResponse response;
            try {
                MockHttpServletRequestBuilder request = get(URI.create(url)).session(session)
                        .accept(MediaType.TEXT_HTML);
                if (fragment) {
                    request.header("HX-Request", "true");   // as htmx asks: the handler answers its fragment
                }
                if (language != null) {
                    request.cookie(language);
                }
                response = mvc.perform(request).andReturn().getResponse();
            } catch (Exception e) {
                findings.add(url + " (linked from " + from + "): fails with " + e);
                continue;
            }
            int status = response.getStatus();
            if (status == 302 || status == 303) {
                String location = local(response.getRedirectedUrl());
                if (location != null && location.startsWith("/login")) {
                    findings.add(url + " (linked from " + from + "): redirects to the sign-in page");
                } else if (location != null && seen.add(location)) {
                    queue.add(new String[] {location, url, PAGE});
                }
                continue;
            }
            if (status != 200) {
                findings.add(url + " (linked from " + from + "): status " + status
                        + (status == 403 || status == 404 ? ", a link the role should not have been shown" : ""));
                continue;
            }
            String type = String.valueOf(response.getContentType());
            if (type.contains("json")) {
                findings.add(url + " (linked from " + from + "): answers a browser with JSON");
                continue;
            }
            if (!type.contains("html")) {
                continue;
            }
            Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "http://localhost");
            for (String problem : problems(page, codes)) {
                findings.add(url + ": " + problem);
            }
            List<String[]> targets = new ArrayList<>();
            for (Element a : page.select("a[href]")) {
                targets.add(new String[] {local(a.attr("href")), PAGE});
            }
            for (FormElement form : page.select("form").forms()) {
                String target = formGet(form, url);
                if (target != null) {
                    targets.add(new String[] {target, FORM});
                }
            }
            for (Element htmx : page.select("[hx-get], [data-hx-get]")) {
                String target = htmx.hasAttr("hx-get") ? htmx.attr("hx-get") : htmx.attr("data-hx-get");
                targets.add(new String[] {local(target.isBlank() ? url : target), FRAGMENT});
            }
            for (String[] target : targets) {
                String href = target[0];
                String kind = target[1];
                // a fragment of a page already seen is another answer: seen apart, counted apart
                String key = kind.equals(FRAGMENT) ? FRAGMENT + href : href;
                if (href == null || skipped(href) || seen.contains(key) || changes(username, href)) {
                    continue;
                }
                String shape = (kind.equals(PAGE) ? "" : kind) + shape(href);
                int count = shapes.merge(shape, 1, Integer::sum);
                if (count <= PER_SHAPE) {
                    seen.add(key);
                    queue.add(new String[] {href, url, kind});
                }
            }
        }
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/crawl"));
        String report = username + (language == null ? "" : "-" + language.getValue());
        java.nio.file.Files.write(java.nio.file.Path.of("target/crawl/" + report + ".txt"),
                (String.join("\n", seen) + "\n\n" + String.join("\n", findings)).getBytes(StandardCharsets.UTF_8));
        assertThat(visited).as("pages visited by " + report).isGreaterThan(1);
        assertThat(findings).as(report + " visited " + visited + " pages").isEmpty();
    }

    /**
     * What submitting a form that reads (method GET, a browser's default) with the values it shows would ask for:
     * its action (the page itself when empty) with the form's data as a browser sends it; null for a form that
     * writes (POST).
     */
    static String formGet(FormElement form, String pageUrl) {
        String method = form.attr("method");
        if (!method.isBlank() && !method.equalsIgnoreCase("get")) {
            return null;
        }
        String action = form.attr("action");
        String path = local(action.isBlank() ? pageUrl : action);
        if (path == null) {
            return null;
        }
        if (path.contains("?")) {
            path = path.substring(0, path.indexOf('?'));   // a browser replaces the action's query with the form's
        }
        StringBuilder query = new StringBuilder();
        for (Connection.KeyVal pair : form.formData()) {
            query.append(query.isEmpty() ? "?" : "&")
                    .append(URLEncoder.encode(pair.key(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair.value(), StandardCharsets.UTF_8));
        }
        return path + query;
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login")
                        .param("username", username).param("password", "meridian2026").with(csrf()))
                .andReturn().getRequest().getSession();
    }

    /** What a person would see wrong in the page's visible text. */
    static List<String> problems(Document page, Set<String> codes) {
        List<String> out = new ArrayList<>();
        for (Element entry : page.select(".mainnav [id^=mainnav-]")) {
            if (!entry.is("details, a[href]")) { // a greyed-out promise of a page that is not there
                out.add("navigation entry that leads nowhere: «" + entry.text() + "»");
            }
        }
        Element body = page.body().clone();
        body.select("script, style, template, noscript, svg, code").remove();
        String text = body.text();
        Set<String> raw = new TreeSet<>();
        Matcher snake = UPPER_SNAKE.matcher(text);
        while (snake.find()) {
            if (!ALLOWED.containsKey(snake.group())) { // UPPER_SNAKE is never a word
                raw.add(snake.group());
            }
        }
        Matcher word = UPPER_WORD.matcher(text);
        while (word.find()) {
            if (codes.contains(word.group())) {
                raw.add(word.group());
            }
        }
        if (!raw.isEmpty()) {
            out.add("raw codes " + raw + " in " + String.join(" ", raw.stream().limit(6)
                    .map(code -> "«" + around(text, code) + "»").toList()));
        }
        find(out, "JSON", JSON, text);
        find(out, "ISO/UTC time", ISO_TIME, text);
        find(out, "toString", TO_STRING, text);
        find(out, "loopback address", LOOPBACK, text);
        find(out, "missing value", NOTHING, text);
        return out;
    }

    private static void find(List<String> out, String what, Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            out.add(what + " in «" + around(text, m.group()) + "»");
        }
    }

    private static String around(String text, String part) {
        int at = text.indexOf(part);
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + part.length() + 40));
    }

    /** The link as a local path with query, or null for another origin, a fragment or a non-HTTP link. */
    static String local(String href) {
        if (href == null || href.isBlank() || href.startsWith("#") || href.startsWith("//")
                || href.startsWith("mailto:") || href.startsWith("tel:") || href.startsWith("javascript:")) {
            return null;
        }
        if (href.startsWith("http://localhost")) {
            href = href.substring("http://localhost".length());
        }
        if (!href.startsWith("/")) {
            return null;
        }
        int hash = href.indexOf('#');
        return hash < 0 ? href : href.substring(0, hash);
    }

    static boolean changes(String username, String href) {
        Pattern pattern = CHANGES_ON_OPENING.get(username);
        return pattern != null && pattern.matcher(href.contains("?") ? href.substring(0, href.indexOf('?')) : href)
                .matches();
    }

    static boolean skipped(String href) {
        String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
        return path.startsWith("/logout") || path.startsWith("/login") || path.startsWith("/api/")
                || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.startsWith("/swagger") || path.startsWith("/v3/")
                || path.startsWith("/actuator") || href.contains("lang=")
                || path.matches(".*\\.(csv|xlsx|pdf|png|svg|json|zip)$") || path.endsWith("/csv")
                || path.endsWith("/xlsx") || path.endsWith("/pdf") || path.endsWith("/export");
    }

    /** The path with its ids and codes as {@code {}}, without the query. */
    static String shape(String href) {
        String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
        StringBuilder shape = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            shape.append('/').append(segment.matches("[a-z][a-z-]*") ? segment : "{}");
        }
        return shape.toString();
    }
}
