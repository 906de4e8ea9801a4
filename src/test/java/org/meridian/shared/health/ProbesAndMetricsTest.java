package org.meridian.shared.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

/**
 * What a container platform and Prometheus see (docs/deployment.md): the liveness and readiness probes answer without
 * signing in and tell nothing more than UP; the Prometheus text needs an administrator or the scrape token, which
 * opens nothing else; and the example compose and Kubernetes files ask for exactly these paths, the image's port,
 * user and data directory.
 */
@MeridianTest
class ProbesAndMetricsTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Value("${meridian.metrics.token}") String scrapeToken;

    @Test
    void theProbesAnswerUpWithoutSigningInAndWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$.components").doesNotExist());
        // an administrator sees what readiness is made of: the application's state and the database
        String admin = users.create(Role.ADMIN);
        mvc.perform(get("/actuator/health/readiness").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void prometheusReadsTheMetricsWithItsTokenOrAnAdministratorAndNobodyElse() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer not-the-token-but-long-enough-0000000"))
                .andExpect(status().isUnauthorized());
        String analyst = users.create(Role.ANALYST);
        mvc.perform(get("/actuator/prometheus").with(httpBasic(analyst, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());

        String text = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + scrapeToken))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andReturn().getResponse().getContentAsString();
        assertThat(text).contains("# TYPE jvm_memory_used_bytes gauge", "process_uptime_seconds");

        String admin = users.create(Role.ADMIN);
        mvc.perform(get("/actuator/prometheus").with(httpBasic(admin, TestUsers.PASSWORD))).andExpect(status().isOk());

        // the scrape token opens that one endpoint only
        mvc.perform(get("/actuator/metrics").header("Authorization", "Bearer " + scrapeToken))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/channels").header("Authorization", "Bearer " + scrapeToken))
                .andExpect(status().isUnauthorized());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            new Yaml().loadAll(in).forEach(d -> documents.add((Map<String, Object>) d));
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object here = node;
        for (String step : path) {
            here = here instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) here).get(step);
        }
        return (T) here;
    }

    @Test
    void theExampleDeploymentsUseTheProbesPortUserAndDataDirectoryOfTheImage() throws Exception {
        Map<String, Object> deployment = yaml("deploy/kubernetes/meridian.yaml").stream()
                .filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", "0");
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((Integer) at(container, "ports", "0", "containerPort")).isEqualTo(8080);
        assertThat((Integer) at(pod, "securityContext", "runAsUser")).isEqualTo(10001);
        assertThat((String) at(container, "volumeMounts", "0", "mountPath")).isEqualTo("/var/lib/meridian");
        // longer than the 120 s Meridian gives running requests (spring.lifecycle.timeout-per-shutdown-phase)
        assertThat((Integer) at(pod, "terminationGracePeriodSeconds")).isGreaterThan(120);
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }

        Map<String, Object> compose = yaml("deploy/compose.yaml").get(0);
        Map<String, Object> service = at(compose, "services", "meridian");
        assertThat((List<String>) service.get("volumes")).anyMatch(v -> v.startsWith("meridian-data:/var/lib/meridian"));
        assertThat((String) at(service, "environment", "SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/meridian");
        assertThat((String) service.get("stop_grace_period")).isEqualTo("150s");
    }
}
