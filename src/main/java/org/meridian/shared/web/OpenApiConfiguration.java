package org.meridian.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.meridian.shared.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the generated OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}):
 * title, version and the two ways to authenticate, HTTP Basic and a personal access token as Bearer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String TITLE = "Meridian integration API";

    static {
        // a controller's Actor parameter is the signed-in caller, not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI meridianOpenApi() {
        return new OpenAPI()
                .info(new Info().title(TITLE).version("v1")
                        .description("经络 Meridian: the API with which hospital systems and scripts exchange channels, "
                                + "events, schemes and evaluations. Every call acts as the authenticated user, within "
                                + "that user's hospital and role. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal access token (mrd_…) created on the My account page")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
