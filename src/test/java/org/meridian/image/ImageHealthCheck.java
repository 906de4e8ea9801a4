package org.meridian.image;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives the image that Jib saved as a tar (Docker's format: {@code manifest.json} names the config file) its
 * {@code HEALTHCHECK}, which Jib cannot declare: {@code java … org.meridian.MeridianApplication --health-check} every
 * 30 s, 5 s at most, three failures in a row make the container unhealthy, the first two minutes of start-up not
 * counted. Run by the {@code image} profile after Jib (pom.xml); the image id is the digest of the config, so the
 * loaded image is the changed one.
 */
public final class ImageHealthCheck {

    /** The command, as the image's config holds it; Jib's own start command uses the same class path file. */
    static final List<String> TEST = List.of("CMD", "java", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
            "@/app/jib-classpath-file", "org.meridian.MeridianApplication", "--health-check");
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration START_PERIOD = Duration.ofMinutes(2);
    static final int RETRIES = 3;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImageHealthCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path tar = Path.of(args[0]);
        String config = configName(tar);
        Path changed = tar.resolveSibling(tar.getFileName() + ".tmp");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(changed))) {
            ImageTar.copy(in, out, config, ImageHealthCheck::withHealthCheck);
        }
        Files.move(changed, tar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("HEALTHCHECK " + TEST + " written into " + tar);
    }

    /** The name of the config file, from {@code manifest.json}. */
    static String configName(Path tar) throws IOException {
        String[] name = new String[1];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
            ImageTar.read(in, (entry, content) -> {
                if (entry.equals("manifest.json")) {
                    name[0] = JSON.readTree(content.readAllBytes()).get(0).get("Config").asString();
                }
            });
        }
        if (name[0] == null) {
            throw new IOException(tar + " has no manifest.json: not an image saved in Docker's format");
        }
        return name[0];
    }

    static byte[] withHealthCheck(byte[] config) {
        ObjectNode root = (ObjectNode) JSON.readTree(config);
        JsonNode container = root.get("config");
        ObjectNode settings = container instanceof ObjectNode object ? object : root.putObject("config");
        ObjectNode check = settings.putObject("Healthcheck");
        TEST.forEach(check.putArray("Test")::add);
        check.put("Interval", INTERVAL.toNanos());
        check.put("Timeout", TIMEOUT.toNanos());
        check.put("StartPeriod", START_PERIOD.toNanos());
        check.put("Retries", RETRIES);
        return JSON.writeValueAsBytes(root);
    }
}
