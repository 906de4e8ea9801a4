package org.meridian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The regulator (卫健委) reads and never writes (issue 16: "a regulator trying to write anything … 403"): every write
 * mapping of the application (POST, PUT, PATCH, DELETE), API and page, read from Spring MVC itself so that a new one
 * is swept without being named here, is sent by the demo's regulator with an empty body and must answer 403 — not a
 * 400 that would say the body was looked at first, not a 404 — and no table may change. A request whose empty body
 * cannot be read at all (400, 415) is sent again with the emptiest body that is read (an object, an array, a file
 * part, or a form of every parameter its handler names), so that the refusal, not the reading, is what answers. Not
 * sent: the writes every signed-in person makes about themselves or that store nothing, listed in {@link #OWN} with
 * the reason.
 */
@MeridianDemoTest
class RegulatorWritesSweepTest {

    /** Writes every signed-in person may make, about themselves or storing nothing, with the reason. */
    static final Map<String, String> OWN = own();

    private static Map<String, String> own() {
        Map<String, String> m = new TreeMap<>();
        for (String w : List.of("POST /account/hospital", "POST /account/password", "POST /account/second-factor/confirm",
                "POST /account/second-factor/disable", "POST /account/second-factor/restart", "POST /account/tokens",
                "POST /account/tokens/{id}/revoke", "POST /login/code")) {
            m.put(w, "the person's own account: hospital chosen, password, two-step verification, access tokens");
        }
        for (String w : List.of("POST /notifications/preferences", "POST /notifications/read-all",
                "POST /notifications/{id}/open", "POST /notifications/{id}/read")) {
            m.put(w, "the person's own notifications and how they are told");
        }
        for (String w : List.of("ahp", "allocation", "dea", "entropy", "holt-winters", "inequality", "malmquist", "nps",
                "outliers", "rsr", "topsis", "wilson")) {
            m.put("POST /api/v1/methods/" + w, "the calculator API: computes from the body and stores nothing");
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::([^}]*))?}");

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void theRegulatorIsRefusedEveryWriteAndNothingChanges() throws Exception {
        MeridianUser regulator = accounts.loadForSignIn("regulator", clock.instant()).orElseThrow();
        String before = fingerprint();
        Map<String, Integer> answered = new TreeMap<>();
        int sent = 0;
        for (String write : writes()) {
            if (OWN.containsKey(write)) {
                continue; // the person's own: allowed, and changing their own rows
            }
            String method = write.substring(0, write.indexOf(' '));
            String path = expand(write.substring(write.indexOf(' ') + 1));
            // an empty body cannot be read at all (400, 415) before the caller's rights are checked: then the
            // emptiest body that is read — an object, an array, a file part — must be refused
            int status = send(method, path, regulator, null).getStatus();
            for (String body : List.of("{}", "[]", "file", "params")) {
                if (status != 400 && status != 415) {
                    break;
                }
                status = send(method, path, regulator, body.equals("params") ? params(write) : body).getStatus();
            }
            sent++;
            if (status != 403) {
                answered.put(write, status);
            }
        }
        assertThat(sent).as("writes sent").isGreaterThan(50);
        assertThat(answered).as("writes the regulator was not refused (403)").isEmpty();
        assertThat(fingerprint()).as("the database after the sweep").isEqualTo(before);
    }

    /** Every write mapping, as "METHOD /pattern". */
    private Set<String> writes() {
        Set<String> out = new java.util.TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    out.add(method.name() + " " + pattern);
                }
            }
        }
        return out;
    }

    /** A form of every request parameter the write's handler names, each "1" (a number, a text, true). */
    private String params(String write) {
        StringBuilder form = new StringBuilder("params:");
        mappings.getHandlerMethods().forEach((info, handler) -> {
            boolean same = info.getMethodsCondition().getMethods().stream()
                    .anyMatch(m -> write.startsWith(m.name() + " "))
                    && info.getPatternValues().contains(write.substring(write.indexOf(' ') + 1));
            if (!same) {
                return;
            }
            for (org.springframework.core.MethodParameter p : handler.getMethodParameters()) {
                org.springframework.web.bind.annotation.RequestParam rp =
                        p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
                if (rp != null) {
                    p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                    String name = !rp.name().isEmpty() ? rp.name() : p.getParameterName();
                    if (name != null && !p.getParameterType().equals(Map.class)) {
                        form.append(name).append('&');
                    }
                }
            }
        });
        return form.toString();
    }

    /** A path of the pattern: a variable with choices gets its first, any other "1". */
    private static String expand(String pattern) {
        StringBuilder sb = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            m.appendReplacement(sb, m.group(2) != null ? m.group(2).split("\\|")[0].replaceAll("[^A-Za-z0-9-]", "")
                    : "1");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private MockHttpServletResponse send(String method, String path, MeridianUser who, String body) throws Exception {
        org.springframework.test.web.servlet.RequestBuilder built;
        if ("file".equals(body)) {
            built = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                            HttpMethod.valueOf(method), path)
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "x.csv", "text/csv",
                            "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .with(user(who)).with(csrf()).accept(MediaType.APPLICATION_JSON);
        } else {
            MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path).with(user(who));
            if (path.startsWith("/api/") || path.startsWith("/fhir/")) {
                request.accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON);
                if (body != null) {
                    request.content(body);
                }
            } else {
                request.accept(MediaType.TEXT_HTML).with(csrf());
                if (body != null && body.startsWith("params:")) {
                    for (String name : body.substring("params:".length()).split("&")) {
                        if (!name.isEmpty()) {
                            request.param(name, "1");
                        }
                    }
                }
            }
            built = request;
        }
        try {
            return mvc.perform(built).andReturn().getResponse();
        } catch (Exception e) {
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.sendError(500, String.valueOf(e.getCause() != null ? e.getCause() : e));
            return failed;
        }
    }

    /** Every table's rows but the audit log's (a refusal may be audited) and the event registry's. */
    private String fingerprint() {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                          AND table_name NOT IN ('audit_log', 'event_publication', 'flyway_schema_history')
                        ORDER BY table_name""").query(String.class).list();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            all.append(table).append('=').append(jdbc.sql("SELECT count(*) || '/' || md5(coalesce(string_agg(md5(t::text),"
                    + " '' ORDER BY md5(t::text)), '')) FROM " + table + " t").query(String.class).single()).append('\n');
        }
        return all.toString();
    }
}
