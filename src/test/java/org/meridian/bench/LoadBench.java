package org.meridian.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./bench load} (docs/benchmarks.md, issue 18 point 14): N people use a running Meridian at once for a fixed
 * time. Each signs in as one of the given accounts — in the browser's way (the sign-in form with its CSRF token, then a
 * session cookie) or, for an API user, with a personal access token — and walks without pause: a person from their
 * workbench (the home page) along the links the pages offer (lists, scorecards, reports…), back to the workbench now
 * and then; an API user through the API's lists and an evaluation's scorecards. Only GETs, nothing is changed (the
 * one page whose opening records something, a channel user's own feedback report, is left out as in the page crawl).
 * Every answer's time is kept per page (its path with ids and codes as {@code {}}); the result gives each page's
 * count, answers other than 200, throughput and p50/p95/p99.
 */
final class LoadBench {

    /** Who signs in: a username, its password, and whether it works through the API with a token. */
    record Account(String username, String password, boolean api) {
    }

    /** One page's figures. Times in milliseconds. */
    record PageFigures(String page, int count, int notOk, double p50, double p95, double p99, double max) {
    }

    /** What a run measured: every page's figures (slowest p99 first), the seconds and every answer other than 200. */
    record Result(List<PageFigures> pages, double seconds, int users, List<String> failures) {
        int requests() {
            return pages.stream().mapToInt(PageFigures::count).sum();
        }

        double perSecond() {
            return requests() / seconds;
        }
    }

    /** API lists an API user reads (those its role may read answer 200; the account list says which role). */
    static final List<String> API_LISTS = List.of("/api/v1/channels", "/api/v1/evaluations", "/api/v1/imports",
            "/api/v1/indicators", "/api/v1/appeals", "/api/v1/statements", "/api/v1/sanctions", "/api/v1/units",
            "/api/v1/measures", "/api/v1/incentive-rules");

    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*?\\bhref=\"([^\"]*)\"");
    /** The sign-in form's CSRF token: its hidden field, or the page's {@code <meta name="_csrf" content="…">}. */
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?(?:value|content)=\"([^\"]*)\""
            + "|(?:value|content)=\"([^\"]*)\"[^>]*?name=\"_csrf\"");
    private static final Pattern EVALUATION_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final String base;
    private final Function<String, String> tokens;
    private final Map<String, List<Long>> times = new ConcurrentHashMap<>();
    private final Map<String, int[]> notOk = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    /** Answers to requests sent before this instant ({@link System#nanoTime()}) are the warm-up: not counted. */
    private volatile long countFrom = Long.MIN_VALUE;

    /**
     * @param base   the server, e.g. {@code http://localhost:8080}
     * @param tokens gives an account a personal access token and answers its secret (for the API users)
     */
    LoadBench(String base, Function<String, String> tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /** Runs {@code users} people over the accounts (user i is account i mod n) for {@code seconds}, without pause. */
    Result run(List<Account> accounts, int users, double seconds, long seed) throws InterruptedException {
        return run(accounts, users, seconds, seed, 0, 0, () -> { });
    }

    /**
     * Runs {@code users} people over the accounts (user i is account i mod n) for {@code seconds}; after each answer
     * a person reads for a while before the next request: a time drawn evenly between half and one and a half times
     * {@code thinkSeconds} (0: no pause at all, every person asks again as soon as it has its answer). The reading time
     * is not part of any page's time; the first request of each person comes after one such pause, so that 50 people
     * do not all ask at the same instant.
     *
     * <p>The same people walk for {@code warmupSeconds} first, uncounted: a server just started compiles its code and
     * templates and fills its caches during the first minute, and the measurement is of the server people use all day
     * (the first minute of a fresh start is a different question, answered by running with a warm-up of 0).
     */
    Result run(List<Account> accounts, int users, double seconds, long seed, double thinkSeconds, double warmupSeconds,
               Runnable atMeasurementStart) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        CountDownLatch signedIn = new CountDownLatch(users);
        long[] window = new long[2];
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < users; i++) {
            Account account = accounts.get(i % accounts.size());
            SplittableRandom random = new SplittableRandom(seed + i);
            Thread t = new Thread(() -> {
                Walker walker;
                try {
                    walker = account.api() ? new ApiWalker(account) : new PageWalker(account);
                } catch (RuntimeException e) {
                    failure(account.username() + " could not sign in: " + e.getMessage());
                    walker = null;
                }
                signedIn.countDown();
                if (walker == null) {
                    return;
                }
                try {
                    start.await();
                    while (System.nanoTime() < window[1]) {
                        if (thinkSeconds > 0) {
                            long pause = (long) (thinkSeconds * (0.5 + random.nextDouble()) * 1e9);
                            long left = window[1] - System.nanoTime();
                            if (pause >= left) {
                                break;
                            }
                            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                        }
                        try {
                            walker.step(random);
                        } catch (RuntimeException e) {
                            failure(account.username() + ": " + e);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + i + "-" + account.username());
            threads.add(t);
            t.start();
        }
        signedIn.await();
        times.clear();
        notOk.clear();
        long begin = System.nanoTime();
        window[0] = begin + (long) (warmupSeconds * 1e9);
        window[1] = window[0] + (long) (seconds * 1e9);
        countFrom = window[0];
        start.countDown();
        long wait = window[0] - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        atMeasurementStart.run();
        for (Thread t : threads) {
            t.join();
        }
        double measured = (System.nanoTime() - window[0]) / 1e9;
        List<PageFigures> pages = new ArrayList<>();
        times.forEach((page, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            pages.add(new PageFigures(page, sorted.size(), notOk.getOrDefault(page, new int[1])[0],
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6));
        });
        pages.sort(Comparator.comparingDouble(PageFigures::p99).reversed());
        return new Result(pages, measured, users, List.copyOf(failures));
    }

    /** The nearest-rank percentile (the smallest time at or above p % of the times), in milliseconds. */
    static double percentile(List<Long> sortedNanos, double p) {
        int rank = (int) Math.ceil(p / 100 * sortedNanos.size());
        return sortedNanos.get(Math.max(0, rank - 1)) / 1e6;
    }

    /** The table the benchmark prints, one page a line. */
    static List<String> table(Result r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  %,d requests in %.1f s = %,.1f requests/s from %d users; %d answers other"
                + " than 200", r.requests(), r.seconds(), r.perSecond(), r.users(),
                r.pages().stream().mapToInt(PageFigures::notOk).sum()));
        lines.add("  page                                                  count   per s   p50 ms   p95 ms   p99 ms   max ms");
        for (PageFigures p : r.pages()) {
            lines.add(String.format(Locale.ROOT, "  %-52s %6d %7.1f %8.0f %8.0f %8.0f %8.0f%s", p.page(), p.count(),
                    p.count() / r.seconds(), p.p50(), p.p95(), p.p99(), p.max(), p.notOk() > 0 ? "  (" + p.notOk()
                            + " not 200)" : ""));
        }
        return lines;
    }

    /** The path of a URL with its ids and codes as {@code {}}, without the query; {@code GET} or {@code API}. */
    static String shape(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        StringBuilder shape = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                shape.append('/').append(segment.matches("[a-z][a-z-]*|v1") ? segment : "{}");
            }
        }
        return shape.isEmpty() ? "/" : shape.toString();
    }

    private interface Walker {
        void step(SplittableRandom random);
    }

    private HttpResponse<String> get(HttpClient http, String url, String authorization, String accept, String who) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + url)).timeout(Duration.ofSeconds(60))
                    .header("Accept", accept).GET();
        } catch (IllegalArgumentException e) {
            failure(who + ": a page links to " + url + ", which is not a URL (" + e.getMessage() + ")");
            return null;
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failure(who + ": GET " + url + " failed: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        long took = System.nanoTime() - t0;
        boolean counted = t0 >= countFrom; // not during the warm-up
        // the home page is each role's workbench: kept apart per account
        String page = shape(url).equals("/") ? "/ (workbench of " + who + ")" : shape(url);
        if (counted) {
            times.computeIfAbsent(page, k -> Collections.synchronizedList(new ArrayList<>())).add(took);
        }
        if (response.statusCode() != 200) {
            if (counted) {
                notOk.computeIfAbsent(page, k -> new int[1])[0]++;
            }
            failure(who + ": GET " + url + " answered " + response.statusCode());
        }
        return response;
    }

    /** A person in a browser: signs in with the form, then walks the links from the workbench. */
    private final class PageWalker implements Walker {
        private final Account account;
        private final HttpClient http;
        private List<String> links = List.of();
        private boolean started;

        PageWalker(Account account) {
            this.account = account;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
            try {
                String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher csrf = CSRF.matcher(form);
                if (!csrf.find()) {
                    throw new IllegalStateException("the sign-in page has no CSRF token");
                }
                String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
                String body = "username=" + enc(account.username()) + "&password=" + enc(account.password())
                        + "&_csrf=" + enc(token);
                HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (home.statusCode() != 200 || home.uri().getPath().startsWith("/login")) {
                    throw new IllegalStateException("signing in as " + account.username() + " ended at " + home.uri()
                            + " (" + home.statusCode() + ")");
                }
                links = links(home.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void step(SplittableRandom random) {
            // the first step and one in five is the workbench (the home page), every other a link of the last page
            String next = !started || links.isEmpty() || random.nextInt(5) == 0 ? "/"
                    : links.get(random.nextInt(links.size()));
            started = true;
            HttpResponse<String> page = get(http, next, null, "text/html", account.username());
            if (page != null && page.statusCode() == 200 && !page.uri().getPath().startsWith("/login")) {
                List<String> found = links(page.body());
                if (!found.isEmpty()) {
                    links = found;
                }
            } else if (page != null && page.uri().getPath().startsWith("/login")) {
                failure(account.username() + " was signed out at " + next);
            }
        }

        /** The same-origin pages a page links to, without writes, downloads, the API, sign-out or language. */
        private List<String> links(String html) {
            List<String> found = new ArrayList<>();
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                int hash = href.indexOf('#');
                if (hash >= 0) {
                    href = href.substring(0, hash);
                }
                if (href.startsWith("/") && !href.startsWith("//") && !skipped(href)) {
                    found.add(href);
                }
            }
            return found;
        }

        private boolean skipped(String href) {
            String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
            return path.startsWith("/logout") || path.startsWith("/login") || path.startsWith("/api/")
                    || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                    || path.startsWith("/img/") || path.startsWith("/swagger") || path.startsWith("/v3/")
                    || path.startsWith("/actuator") || href.contains("lang=") || path.startsWith("/portal/sw.js")
                    || path.matches(".*\\.(csv|xlsx|pdf|png|svg|json|zip|webmanifest)$") || path.endsWith("/csv")
                    || path.endsWith("/xlsx") || path.endsWith("/pdf") || path.endsWith("/export")
                    // a channel user opening its own report records that it was viewed (as in PageCrawlTest)
                    || account.username().equals("partner") && path.matches("/feedback/reports/\\d+");
        }
    }

    /** An integrating system or analyst's script: a personal access token, the API's lists and scorecards. */
    private final class ApiWalker implements Walker {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String authorization;
        private final String username;
        private final List<String> urls = new ArrayList<>(API_LISTS);

        ApiWalker(Account account) {
            username = account.username();
            authorization = "Bearer " + tokens.apply(account.username());
        }

        @Override
        public void step(SplittableRandom random) {
            String url = urls.get(random.nextInt(urls.size()));
            HttpResponse<String> answer = get(http, url, authorization, "application/json", username + " (token)");
            if (answer != null && answer.statusCode() == 200 && url.equals("/api/v1/evaluations")) {
                Matcher id = EVALUATION_ID.matcher(answer.body());
                if (id.find()) {
                    String scorecards = "/api/v1/evaluations/" + id.group(1) + "/scorecards?size=50";
                    if (!urls.contains(scorecards)) {
                        urls.add(scorecards);
                    }
                }
            }
        }
    }

    /** Keeps the first thousand answers that went wrong (a broken page in a long run would otherwise fill memory). */
    private void failure(String what) {
        if (failures.size() < 1_000) {
            failures.add(what);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
