package org.meridian.region;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.meridian.shared.security.Accounts;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the region's MockMvc tests set up alike: a region of their own ({@link #create()}, a {@link TestRegion}) and
 * requests as one of its people, signed in with the roles and hospital the account has now ({@link #as},
 * {@link #page}, {@link #download}). A test takes it with {@code @Autowired TestRegions regions}.
 */
@Component
class TestRegions {

    private final ObjectProvider<MockMvc> mvc;
    private final TestUsers users;
    private final Hospitals hospitals;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    TestRegions(ObjectProvider<MockMvc> mvc, TestUsers users, Hospitals hospitals, JdbcClient jdbc, Accounts accounts,
                Clock clock) {
        this.mvc = mvc;
        this.users = users;
        this.hospitals = hospitals;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A region of its own with hospitals A and B and its people ({@link TestRegion}). */
    TestRegion create() {
        return new TestRegion(mvc.getObject(), users, hospitals, jdbc);
    }

    /** The request as the person {@code username}. */
    ResultActions as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.getObject().perform(request.with(user(accounts.loadForSignIn(username, clock.instant())
                .orElseThrow())));
    }

    /** The page at {@code path} as a browser asks for it (HTML), as {@code username}. */
    ResultActions open(String username, String path) throws Exception {
        return as(username, get(path).accept(MediaType.TEXT_HTML));
    }

    /** The page's HTML, which must be there (200). */
    String page(String username, String path) throws Exception {
        return open(username, path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The file at {@code path} (a workbook), which must be there (200). */
    byte[] download(String username, String path) throws Exception {
        return as(username, get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
