package org.meridian.shared.web;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The generated OpenAPI document and the Swagger UI entry point are public (the API itself is not). */
@MeridianTest
class OpenApiTest {

    @Autowired MockMvc mvc;

    @Test
    void servesAnOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
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
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/swagger-ui/index.html"));
    }
}
