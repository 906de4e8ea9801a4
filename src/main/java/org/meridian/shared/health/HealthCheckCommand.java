package org.meridian.shared.health;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code --health-check}: asks the Meridian running on this machine whether it is ready
 * ({@code /actuator/health/readiness} on {@code PORT}, default 8080) and exits 0 when it answers 200 within five
 * seconds, 1 otherwise, with the reason on standard error. It is the image's {@code HEALTHCHECK} (docs/deployment.md),
 * which needs no tool but the Java that runs Meridian.
 */
public final class HealthCheckCommand {

    static final String PATH = "/actuator/health/readiness";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthCheckCommand() {
    }

    public static boolean wanted(String[] args) {
        return args.length == 1 && args[0].equals("--health-check");
    }

    public static int run(Map<String, String> environment, PrintStream err) {
        String port = environment.getOrDefault("PORT", "8080");
        URI uri = URI.create("http://127.0.0.1:" + port + PATH);
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return 0;
            }
            err.println("Meridian is not ready: " + uri + " answered " + response.statusCode());
        } catch (IOException e) {
            err.println("Meridian does not answer at " + uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted while asking " + uri);
        }
        return 1;
    }
}
