package org.meridian.shared.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.MeridianApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meridian as a container runs it, told to stop while an import runs (docs/deployment.md): it takes no new
 * connection, finishes the import (one request) and answers it, and only then stops; its log, with JSON logs
 * switched on ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}), is one JSON object a line; the image's health check
 * ({@code --health-check}) says ready while it runs and fails once it has stopped.
 */
@ExtendWith(OutputCaptureExtension.class)
class GracefulShutdownTest {

    private static final String ADMIN = "admin:Root-secret-2026"; // the test profile's first administrator
    private static final int ROWS = 60_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path dataDir;

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] eventsCsv(String channel) {
        StringBuilder csv = new StringBuilder("eventId,type,channel,occurredAt,referralId,patientId,value\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("SHUT-").append(i).append(",REFERRAL,").append(channel)
                    .append(",2026-11-02T09:00:00+08:00,R-").append(i).append(",P-").append(i).append(",\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpRequest.BodyPublisher multipart(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
    }

    @Test
    void aStopWaitsForTheRunningImportAndTheLogIsJson(CapturedOutput output) throws Exception {
        // .main: Spring Boot names the class whose main method started the JVM in its "Started …" line; under the test
        // runner that is the runner's class, not MeridianApplication as in the image
        ConfigurableApplicationContext meridian = new SpringApplicationBuilder(MeridianApplication.class)
                .main(MeridianApplication.class).run(
                "--spring.profiles.active=test", "--meridian.data-dir=" + dataDir, "--server.port=0",
                "--meridian.db.ephemeral=true", "--logging.structured.format.console=ecs");
        int port = ((WebServerApplicationContext) meridian).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdbcClient jdbc = meridian.getBean(JdbcClient.class);
        Map<String, String> environment = Map.of("PORT", String.valueOf(port));
        // the image's health check (--health-check) finds it ready
        assertThat(HealthCheckCommand.run(environment, System.err)).isZero();

        HttpResponse<String> channel = http.send(request(port, "/api/v1/channels")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"code\": \"CH-SHUT\", \"name\": \"停机测试渠道\", \"type\": \"EXAM_CENTER\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(channel.statusCode()).as(channel.body()).isEqualTo(201);

        CompletableFuture<HttpResponse<String>> running = http.sendAsync(request(port, "/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=meridian-boundary")
                .POST(multipart("meridian-boundary", "events.csv", eventsCsv("CH-SHUT"))).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<Instant> answered = running.thenApply(r -> Instant.now());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jdbc.sql("SELECT count(*) FROM intake_import WHERE file_name = 'events.csv' AND status = 'RUNNING'")
                .query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("the import started").isLessThan(deadline);
            Thread.sleep(20);
        }

        Instant stopAsked = Instant.now();
        meridian.close(); // as on SIGTERM
        Instant stopped = Instant.now();

        HttpResponse<String> response = running.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("accepted").asInt()).isEqualTo(ROWS);
        assertThat(answered.get()).isAfter(stopAsked).isBeforeOrEqualTo(stopped);
        assertThatThrownBy(() -> http.send(request(port, "/actuator/health").GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        ByteArrayOutputStream reason = new ByteArrayOutputStream();
        assertThat(HealthCheckCommand.run(environment, new PrintStream(reason, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(reason.toString(StandardCharsets.UTF_8)).startsWith("Meridian does not answer at http://127.0.0.1:"
                + port + "/actuator/health/readiness");

        List<String> lines = output.getOut().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("standard output").isNotEmpty()
                .allSatisfy(text -> assertThat(JSON.readTree(text).isObject()).as(text).isTrue());
        String started = lines.stream().filter(text -> text.contains("Started MeridianApplication"))
                .findFirst().orElseThrow(() -> new AssertionError("no 'Started MeridianApplication' line in " + lines));
        JsonNode line = JSON.readTree(started);
        JsonNode level = line.has("log.level") ? line.get("log.level") : line.get("log").get("level"); // ECS, flat or nested
        assertThat(level.asString()).isEqualTo("INFO");
        assertThat(line.get("@timestamp").asString()).isNotBlank();
        assertThat(line.get("message").asString()).startsWith("Started MeridianApplication");
    }
}
