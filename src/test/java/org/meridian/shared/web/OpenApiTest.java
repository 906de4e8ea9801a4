package org.meridian.shared.web;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The generated OpenAPI document and the Swagger UI are for signed-in people by default; {@code BehindProxyTest}
 * shows them public with {@code meridian.api-docs-public=true}.
 */
@MeridianTest
class OpenApiTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    private RequestPostProcessor signedIn() {
        return user(accounts.loadForSignIn(users.create(Role.ANALYST), clock.instant()).orElseThrow());
    }

    @Test
    void withoutSigningInTheApiDocumentAnswers401AndSwaggerUiLeadsToTheLoginPage() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isUnauthorized());
        mvc.perform(get("/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login"));
    }

    @Test
    void servesAnOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(startsWith("3.")))
                .andExpect(jsonPath("$.info.title").value(OpenApiConfiguration.TITLE))
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
                // a controller's Actor parameter is the signed-in caller, not a parameter of the API
                .andExpect(jsonPath("$.paths['/api/v1/evaluations'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/evaluations'].get.parameters[?(@.name == 'actor')]").isEmpty())
                .andExpect(jsonPath("$.paths['/api/v1/evaluations'].get.parameters[?(@.name == 'period')]").isNotEmpty());
    }

    @Test
    void swaggerUiHtmlLeadsToTheSwaggerUiPage() throws Exception {
        mvc.perform(get("/swagger-ui.html").with(signedIn()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/swagger-ui/index.html"));
    }
}
