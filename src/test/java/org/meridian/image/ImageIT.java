package org.meridian.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the image that {@code ./mvnw -Pimage verify} built (target/meridian-image.tar, path in the system property
 * {@code image.tar}) as a container runtime would: its manifest, its config and the files of its layers. Run only in
 * that profile, after the image is built (pom.xml).
 */
class ImageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JsonNode config;
    private static List<String> files;
    private static String classPathFile;

    @BeforeAll
    static void readImage() throws IOException {
        Path tar = Path.of(System.getProperty("image.tar", "target/meridian-image.tar"));
        Map<String, byte[]> small = new HashMap<>();
        List<String> layers = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
            ImageTar.read(in, (name, content) -> {
                if (name.endsWith(".json")) {
                    small.put(name, content.readAllBytes());
                }
            });
        }
        JsonNode manifest = JSON.readTree(small.get("manifest.json")).get(0);
        config = JSON.readTree(small.get(manifest.get("Config").asString()));
        manifest.get("Layers").forEach(layer -> layers.add(layer.asString()));
        files = new ArrayList<>();
        String[] classpath = new String[1];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
            ImageTar.read(in, (name, content) -> {
                if (layers.contains(name)) {
                    ImageTar.read(new GZIPInputStream(content), (entry, data) -> {
                        String file = entry.replaceFirst("^\\.?/", "").replaceFirst("/$", "");
                        files.add(file);
                        if (file.equals("app/jib-classpath-file")) {
                            classpath[0] = new String(data.readAllBytes());
                        }
                    });
                }
            });
        }
        classPathFile = classpath[0];
    }

    @Test
    void meridianRunsAsAUserWhoIsNotRoot() {
        String user = config.get("config").get("User").asString();
        assertThat(user).isEqualTo("10001:0");
        assertThat(user.split(":")[0]).isNotIn("0", "root");
    }

    @Test
    void theEntrypointStartsMeridianFromItsClassesAndLibraries() {
        List<String> entrypoint = new ArrayList<>();
        config.get("config").get("Entrypoint").forEach(part -> entrypoint.add(part.asString()));
        assertThat(entrypoint).startsWith("java").contains("-XX:MaxRAMPercentage=75", "-cp",
                "@/app/jib-classpath-file").endsWith("org.meridian.MeridianApplication");

        assertThat(files).contains("app/classes/org/meridian/MeridianApplication.class",
                "app/resources/application.properties");
        assertThat(files).anyMatch(f -> f.matches("app/libs/spring-boot-4\\.1\\.\\d+\\.jar"));
        assertThat(files).anyMatch(f -> f.matches("app/libs/postgresql-[\\d.]+\\.jar"));
        // every library on the class path is in the image
        for (String entry : classPathFile.strip().split(":")) {
            assertThat(files).as(entry).contains(entry.substring(1));
        }
    }

    @Test
    void theImageDeclaresItsPortDataDirectoryAndHealthCheck() {
        JsonNode settings = config.get("config");
        assertThat(settings.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(settings.get("Volumes").has("/var/lib/meridian")).isTrue();
        List<String> environment = new ArrayList<>();
        settings.get("Env").forEach(e -> environment.add(e.asString()));
        assertThat(environment).contains("MERIDIAN_DATA_DIR=/var/lib/meridian");
        assertThat(files).contains("var/lib/meridian/README.txt");

        JsonNode check = settings.get("Healthcheck");
        List<String> test = new ArrayList<>();
        check.get("Test").forEach(part -> test.add(part.asString()));
        assertThat(test).containsExactly("CMD", "java", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                "@/app/jib-classpath-file", "org.meridian.MeridianApplication", "--health-check");
        assertThat(check.get("Interval").asLong()).isEqualTo(30_000_000_000L); // 30 s in nanoseconds
        assertThat(check.get("Retries").asInt()).isEqualTo(3);
    }
}
