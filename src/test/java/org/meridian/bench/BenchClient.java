package org.meridian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's HTTP client of a running Meridian: only the public API of api.md. */
final class BenchClient {

    /** What an events call or an import answered (api.md), in counts. */
    record Answer(long accepted, long duplicates, long rejected, String firstRejection) {
        Answer plus(Answer other) {
            return new Answer(accepted + other.accepted, duplicates + other.duplicates, rejected + other.rejected,
                    firstRejection != null ? firstRejection : other.firstRejection);
        }
    }

    static final Answer NONE = new Answer(0, 0, 0, null);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String authorization;

    /** A client signing in with HTTP Basic (every request then costs the server a BCrypt check). */
    BenchClient(String base, String user, String password) {
        this(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client with a personal access token ({@code Bearer mrd_…}), as an integrating system would use. */
    BenchClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    BenchClient withToken(String secret) {
        return new BenchClient(base, "Bearer " + secret);
    }

    String base() {
        return base;
    }

    void createChannel(String code, String type) {
        String body = "{\"code\":\"" + code + "\",\"name\":\"基准渠道 " + code + "\",\"type\":\"" + type + "\"}";
        send("POST", "/api/v1/channels", "application/json", HttpRequest.BodyPublishers.ofString(body), 201);
    }

    /** Posts a JSON body; the answer's body, or an exception when the status is none of {@code ok}. */
    String postJson(String path, String body, int... ok) {
        return send("POST", path, "application/json", HttpRequest.BodyPublishers.ofString(body), ok);
    }

    Answer postStatistics(byte[] jsonArray) {
        return answer(send("POST", "/api/v1/statistics", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(jsonArray), 200));
    }

    Answer postEvents(byte[] jsonArray) {
        return answer(send("POST", "/api/v1/events", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(jsonArray), 200));
    }

    /** Uploads a file to {@code POST /api/v1/imports} as the multipart field {@code file}, streamed from disk. */
    Answer importFile(Path file) {
        return importFile("/api/v1/imports", file);
    }

    /** Posts exam records (a JSON array) to {@code POST /api/v1/exams}. */
    Answer postExams(byte[] jsonArray) {
        return answer(send("POST", "/api/v1/exams", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(jsonArray), 200));
    }

    /** Puts a JSON body; the answer's body, or an exception when the status is none of {@code ok}. */
    String putJson(String path, String body, int... ok) {
        return send("PUT", path, "application/json", HttpRequest.BodyPublishers.ofString(body), ok);
    }

    /** Uploads a file to an import route ({@code path}) as the multipart field {@code file}, streamed from disk. */
    Answer importFile(String path, Path file) {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofByteArray(tail));
            return answer(send("POST", path, "multipart/form-data; boundary=" + boundary, body, 200));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void putScheme(String unitType, String schemeJson) {
        send("PUT", "/api/v1/schemes/" + unitType, "application/json", HttpRequest.BodyPublishers.ofString(schemeJson),
                200);
    }

    /** Runs the draft evaluation of (period, unit type); returns its id. */
    long runEvaluation(String period, String unitType) {
        String body = "{\"period\":\"" + period + "\",\"unitType\":\"" + unitType + "\"}";
        JsonNode answer = json.readTree(send("POST", "/api/v1/evaluations", "application/json",
                HttpRequest.BodyPublishers.ofString(body), 200, 201));
        return answer.get("id").asLong();
    }

    /** Every scorecard of an evaluation, page by page. */
    List<JsonNode> scorecards(long evaluationId) {
        List<JsonNode> cards = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = json.readTree(get("/api/v1/evaluations/" + evaluationId + "/scorecards?size=1000&page=" + page));
            answer.get("items").forEach(cards::add);
            if (cards.size() >= answer.get("total").asLong() || answer.get("items").isEmpty()) {
                return cards;
            }
        }
    }

    /** The heap in use (bytes) as the server's actuator reports it. */
    long heapUsed() {
        JsonNode answer = json.readTree(get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
        return answer.get("measurements").get(0).get("value").asLong();
    }

    boolean healthy() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String get(String path) {
        return send("GET", path, null, HttpRequest.BodyPublishers.noBody(), 200);
    }

    private Answer answer(String body) {
        JsonNode n = json.readTree(body);
        JsonNode rejected = n.get("rejected");
        String first = rejected.isEmpty() ? null : rejected.get(0).toString();
        return new Answer(n.get("accepted").asLong(), n.get("duplicates").asLong(), rejected.size(), first);
    }

    private String send(String method, String path, String contentType, HttpRequest.BodyPublisher body, int... ok) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization).header("Accept", "application/json")
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : ok) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
