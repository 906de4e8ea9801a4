package org.meridian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.meridian.support.TestUsers;
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
 * Every hospital user sees only its own hospital (issue 16, docs/adr/0002): every request mapping of every module
 * that takes a path variable, API and page, read from Spring MVC itself so that a new endpoint is swept without
 * being named here, is called with the ids and codes of the demo hospital (B, with every module's demo data) by
 * people of a second, empty hospital (A) in the same roles, and must answer 404: never 403, never a page or an
 * answer carrying B's data, never a change to B's rows.
 * <p>
 * The values tried are the ids and codes read from B's own rows (those that occur nowhere in A), every combination
 * for a path with several variables. That a value really names something of B is proven by B's own person in the
 * same role getting the page (2xx) for a GET; a GET mapping that B's people can open with none of the values fails
 * the test unless it is listed in {@link #NOT_PROVEN} with the reason, so the sweep cannot quietly miss an
 * endpoint. Writes (POST, PUT, PATCH, DELETE) are only sent by A's people, with an empty body, and must answer 404
 * as well; B's rows are compared before and after.
 */
@MeridianDemoTest
class IsolationSweepTest {

    /** GET mappings whose values B's people cannot open with B's demo data, with the reason. */
    static final Map<String, String> NOT_PROVEN = Map.of(
            "GET /api/v1/imports/{id}/rejections.xlsx", "the demo records its events without an import file",
            "GET /intake/quality/imports/{id}", "the demo records its events without an import file",
            "GET /intake/quality/imports/{id}/rejections.xlsx", "the demo records its events without an import file",
            "GET /incentives/own/{id}", "the demo's channel user has no statement of its own",
            "GET /incentives/own/{id}/xlsx", "the demo's channel user has no statement of its own");

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired Accounts accounts;
    @Autowired Hospitals hospitals;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    record Mapping(RequestMethod method, String pattern) {
        List<String> variables() {
            List<String> out = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Variables whose values are the same for every hospital (a unit type), not ids of one hospital's rows. */
    private static final Pattern GENERIC = Pattern.compile("unitType");

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::([^}]*))?}");

    @Test
    void anotherHospitalsIdsAnswer404EverywhereAndChangeNothing() throws Exception {
        Hospital b = hospitals.findByCode("H001").orElseThrow();
        Hospital a = hospitals.create("ISO-" + System.nanoTime() % 1_000_000, "隔离测试医院", b.timeZone());
        // A is in a region of its own, so that its administrator, who holds the same roles as B's (ADMIN and
        // REGION_ADMIN), is a stranger to B's region as well as to B
        long regionOfA = jdbc.sql("INSERT INTO region (code, name) VALUES (:c, :c) RETURNING id")
                .param("c", "ISO-R-" + a.id()).query(Long.class).single();
        jdbc.sql("UPDATE hospital SET region_id = :r WHERE id = :h").param("r", regionOfA).param("h", a.id()).update();
        String ownAdmin = "admin";
        String strangeAdmin = users.create(a.id(), Role.ADMIN, null);
        accounts.replaceRoles(a.id(), load(strangeAdmin).userId(), load(ownAdmin).getAuthorities().stream()
                .map(g -> Role.valueOf(g.getAuthority().substring("ROLE_".length())))
                .collect(java.util.stream.Collectors.toSet()));
        long strangeChannel = aChannelOf(a, strangeAdmin);
        String ownPartner = jdbc.sql("""
                SELECT u.username FROM app_user u JOIN app_user_role r ON r.hospital_id = u.hospital_id
                 AND r.user_id = u.id WHERE u.hospital_id = :h AND r.role = 'CHANNEL_USER' ORDER BY u.id LIMIT 1""")
                .param("h", b.id()).query(String.class).single();
        String strangePartner = users.create(a.id(), Role.CHANNEL_USER, strangeChannel);
        Map<String, String> strangerFor = new LinkedHashMap<>();
        strangerFor.put(ownAdmin, strangeAdmin);
        strangerFor.put(ownPartner, strangePartner);

        Values numbers = new Values();
        Values texts = new Values();
        List<Set<String>> rows = new ArrayList<>();
        read(b.id(), numbers, texts, rows);
        texts.add(b.code()); // B's own code names B (the region's pages of one hospital)
        // the alliances B belongs to are kept per region, not per hospital: their codes name B's alliance reports
        jdbc.sql("SELECT DISTINCT a.code FROM alliance a JOIN alliance_member m ON m.region_id = a.region_id"
                        + " AND m.alliance_id = a.id WHERE m.hospital_id = :h")
                .param("h", b.id()).query(String.class).list().forEach(texts::add);
        Values ownOfA = new Values();
        read(a.id(), ownOfA, ownOfA, new ArrayList<>());
        numbers.removeAll(ownOfA);
        texts.removeAll(ownOfA);
        String before = fingerprint(b.id());

        List<String> breaches = new ArrayList<>();
        Set<String> proven = new TreeSet<>();
        Set<String> gets = new TreeSet<>();
        int requests = 0;
        for (Mapping mapping : mappings()) {
            boolean read = mapping.method() == RequestMethod.GET;
            boolean generic = mapping.variables().stream().anyMatch(v -> GENERIC.matcher(v).matches())
                    || VARIABLE.matcher(mapping.pattern()).results().anyMatch(r -> r.group(2) != null);
            List<List<String>> combinations = combinations(mapping, numbers, texts, rows, breaches);
            if (read) {
                gets.add(mapping.toString());
            }
            for (Map.Entry<String, String> pair : strangerFor.entrySet()) {
                String owner = pair.getKey();
                String stranger = pair.getValue();
                // a role that may not use the endpoint at all is refused in its own hospital as well
                String nowhere = expand(mapping.pattern(), VARIABLE.matcher(mapping.pattern()).results()
                        .map(r -> r.group(2) != null ? r.group(2).split("\\|")[0] : "0").toList());
                requests++;
                if (send(mapping.method(), nowhere, owner).getStatus() == 403) {
                    continue;
                }
                for (List<String> values : combinations) {
                    String path = expand(mapping.pattern(), values);
                    MockHttpServletResponse theirs = send(mapping.method(), path, stranger);
                    requests++;
                    int status = theirs.getStatus();
                    MockHttpServletResponse own = null;
                    if (read && (generic || !proven.contains(mapping + " " + owner))) {
                        own = send(mapping.method(), path, owner);
                        requests++;
                        if (own.getStatus() / 100 == 2) {
                            proven.add(mapping.toString());
                            proven.add(mapping + " " + owner);
                        }
                    }
                    String body = theirs.getContentAsString();
                    boolean shows = body.contains(b.name()) || body.contains(b.code());
                    boolean fine;
                    if (read) {
                        // a unit type names no row: the stranger's own answer is fine unless it is B's
                        fine = status == 404 || generic && status / 100 == 2 && !shows
                                && !(own != null && body.equals(own.getContentAsString())
                                     && texts.list().stream().anyMatch(body::contains));
                    } else {
                        // an empty body is often refused before any look-up (400, 415; a page shows its form
                        // again or redirects with a message): nothing shown, and B's rows are compared below
                        fine = status == 404 || status == 400 || status == 415
                                || !path.startsWith("/api/") && (status == 200 || status / 100 == 3) && !shows;
                    }
                    if (!fine) {
                        breaches.add(mapping + " as " + stranger + " → " + status + " for " + path
                                + (shows ? " showing B" : "")
                                + (theirs.getErrorMessage() != null ? " " + theirs.getErrorMessage() : ""));
                    }
                }
            }
        }

        gets.removeAll(proven);
        gets.removeAll(NOT_PROVEN.keySet());
        assertThat(requests).as("requests sent").isGreaterThan(0);
        assertThat(breaches).as("answers other than 404 to another hospital's ids").isEmpty();
        assertThat(gets).as("GET mappings no value of B opens for B's people (give B the data or list them)")
                .isEmpty();
        assertThat(fingerprint(b.id())).as("B's rows after the sweep").isEqualTo(before);
    }

    private long aChannelOf(Hospital a, String admin) throws Exception {
        MockHttpServletResponse created = mvc.perform(request(HttpMethod.POST, "/api/v1/channels")
                        .with(user(load(admin))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"ISO-A1\", \"name\": \"隔离渠道\", \"type\": \"EXAM_CENTER\"}"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        return jdbc.sql("SELECT id FROM channel WHERE hospital_id = :h AND code = 'ISO-A1'").param("h", a.id())
                .query(Long.class).single();
    }

    private MeridianUser load(String username) {
        return accounts.loadForSignIn(username, clock.instant()).orElseThrow();
    }

    private MockHttpServletResponse send(RequestMethod method, String path, String username) throws Exception {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method.name()), path)
                .with(user(load(username)));
        if (path.startsWith("/api/")) {
            request.accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON);
        } else {
            request.accept(MediaType.TEXT_HTML).with(csrf());
        }
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.sendError(500, String.valueOf(e.getCause() != null ? e.getCause() : e));
            return failed;
        }
    }

    /** Every mapping of the application with at least one path variable. */
    private List<Mapping> mappings() {
        Set<Mapping> out = new LinkedHashSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    out.add(new Mapping(method, pattern));
                }
            }
        }
        return out.stream().sorted((x, y) -> x.toString().compareTo(y.toString())).toList();
    }

    /** The values tried for each variable: B's numbers for ids, B's codes for codes, the choices of a pattern. */
    private List<List<String>> combinations(Mapping mapping, Values numbers, Values texts, List<Set<String>> rows,
                                            List<String> breaches) {
        List<List<String>> out = List.of(List.of());
        Matcher m = VARIABLE.matcher(mapping.pattern());
        while (m.find()) {
            String name = m.group(1);
            String regex = m.group(2);
            List<String> candidates;
            if (regex != null && regex.matches("[A-Za-z|-]+")) {
                candidates = Arrays.asList(regex.split("\\|"));
            } else if (name.equals("unitType")) {
                candidates = Arrays.stream(UnitType.values()).map(Enum::name).toList();
            } else if (name.equals("code") || name.equals("channel") || name.equals("eventId")) {
                candidates = texts.list();
            } else if (name.equals("id") || name.endsWith("Id") || name.equals("version")) {
                candidates = numbers.list();
            } else {
                breaches.add(mapping + ": no values known for {" + name + "}; say in IsolationSweepTest which");
                return List.of();
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String c : candidates) {
                    List<String> longer = new ArrayList<>(prefix);
                    longer.add(c);
                    next.add(longer);
                }
            }
            out = next;
        }
        List<String> names = mapping.variables();
        return out.stream().filter(values -> {
            Set<String> ids = new TreeSet<>();
            for (int i = 0; i < values.size(); i++) {
                if (names.get(i).equals("id") || names.get(i).endsWith("Id") && !names.get(i).equals("eventId")) {
                    ids.add(values.get(i));
                }
            }
            return ids.size() < 2 || rows.stream().anyMatch(row -> row.containsAll(ids));
        }).toList();
    }

    private static String expand(String pattern, List<String> values) {
        StringBuilder sb = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        int i = 0;
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    org.springframework.web.util.UriUtils.encodePathSegment(values.get(i++), "UTF-8")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A few distinct values per column kind, from the latest two rows of every table of one hospital. */
    static final class Values {
        private final Set<String> values = new TreeSet<>();

        void add(String v) {
            if (v != null && !v.isBlank()) {
                values.add(v);
            }
        }

        void removeAll(Values other) {
            values.removeAll(other.values);
        }

        List<String> list() {
            return List.copyOf(values);
        }
    }

    /**
     * Ids (id, *_id, version) into numbers and codes (code, *_code, event_id) into texts, from the latest two rows of
     * every table of one hospital; each row's ids also as one set, so that a path with two ids is tried with ids that
     * belong together (an appeal and its attachment).
     */
    private void read(long hospitalId, Values numbers, Values texts, List<Set<String>> rows) {
        Map<String, List<String[]>> columns = new TreeMap<>();
        jdbc.sql("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                  AND c.table_name IN (SELECT table_name FROM information_schema.columns
                                       WHERE table_schema = current_schema() AND column_name = 'hospital_id')
                  AND c.column_name <> 'hospital_id'
                  AND (c.column_name IN ('id', 'code', 'version', 'event_id')
                       OR c.column_name LIKE '%\\_id' OR c.column_name LIKE '%\\_code')
                  AND c.data_type IN ('bigint', 'integer', 'text', 'character varying')
                ORDER BY c.table_name, c.ordinal_position""")
                .query((rs, i) -> columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(new String[] {rs.getString(2), rs.getString(3)}))
                .list();
        for (Map.Entry<String, List<String[]>> table : columns.entrySet()) {
            List<String[]> cols = table.getValue();
            String select = String.join(", ", cols.stream().map(c -> c[0]).toList());
            String order = cols.stream().anyMatch(c -> c[0].equals("id")) ? "id" : "1";
            jdbc.sql("SELECT " + select + " FROM " + table.getKey() + " WHERE hospital_id = :h ORDER BY " + order
                            + " DESC LIMIT 2")
                    .param("h", hospitalId)
                    .query((rs, i) -> {
                        Set<String> row = new TreeSet<>();
                        for (int c = 0; c < cols.size(); c++) {
                            String v = rs.getString(c + 1);
                            boolean number = cols.get(c)[1].equals("bigint") || cols.get(c)[1].equals("integer");
                            (number ? numbers : texts).add(v);
                            if (number && v != null) {
                                row.add(v);
                            }
                        }
                        rows.add(row);
                        return row;
                    })
                    .list();
        }
    }

    /** One hash of all of a hospital's rows in all tables that have hospital_id. */
    private String fingerprint(long hospitalId) {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND column_name = 'hospital_id' ORDER BY table_name""")
                .query(String.class).list();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            // B's own people proving a GET may leave audit entries of their own in B (an audited export): those
            // are B's doing; an entry by anyone else (A's people) is a change to B and fails the sweep
            String own = table.equals("audit_log")
                    ? " AND actor NOT IN (SELECT username FROM app_user WHERE hospital_id = :h)" : "";
            all.append(table).append('=').append(jdbc.sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text),"
                    + " '')) FROM " + table + " t WHERE hospital_id = :h" + own).param("h", hospitalId)
                    .query(String.class).single()).append(';');
        }
        return all.toString();
    }
}
