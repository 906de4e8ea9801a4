package org.meridian.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The REST API of a Meridian on a random port, for a journey's set-up beside its browser: each call as a user of
 * {@link TestUsers} (HTTP Basic, their password), JSON in and out, with an idempotency key of its own.
 */
public final class Api {

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    /** The call's answer, whatever its status. */
    public HttpResponse<String> send(String user, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        b = "GET".equals(method) ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a call that must answer {@code status}. */
    public String expect(int status, String user, String method, String path, String json) {
        HttpResponse<String> r = send(user, method, path, json);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return r.body();
    }
}
