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
    /** Every path of the image's file system, as the layers leave it. */
    private static Map<String, ImageTar.Entry> entries;

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
        Map<String, Map<String, ImageTar.Entry>> byLayer = new HashMap<>();
        String[] classpath = new String[1];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
            ImageTar.read(in, (name, content) -> {
                if (layers.contains(name)) {
                    Map<String, ImageTar.Entry> layer = byLayer.computeIfAbsent(name, n -> new HashMap<>());
                    ImageTar.readEntries(new GZIPInputStream(content), (entry, data) -> {
                        String file = path(entry.name());
                        files.add(file);
                        layer.put(file, entry);
                        if (file.equals("app/jib-classpath-file")) {
                            classpath[0] = new String(data.readAllBytes());
                        }
                    });
                }
            });
        }
        classPathFile = classpath[0];
        entries = new HashMap<>();
        layers.forEach(layer -> entries.putAll(byLayer.getOrDefault(layer, Map.of()))); // upper layers win
    }

    /** A path in a layer as the image's root sees it, without {@code ./} or a leading or trailing slash. */
    private static String path(String name) {
        return name.replaceFirst("^\\.?/", "").replaceFirst("/$", "");
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

    /** The {@code java} that the entrypoint and the health check start is a program of the base image on its PATH. */
    @Test
    void theJavaOfTheEntrypointIsOnTheImagesPath() {
        List<String> environment = new ArrayList<>();
        config.get("config").get("Env").forEach(e -> environment.add(e.asString()));
        String path = environment.stream().filter(e -> e.startsWith("PATH=")).findFirst().orElseThrow()
                .substring("PATH=".length());
        ImageTar.Entry java = null;
        for (String folder : path.split(":")) {
            java = resolve(folder + "/java", 0);
            if (java != null) {
                break;
            }
        }
        assertThat(java).as("java on " + path).isNotNull();
        assertThat(java.type()).as(java.name()).isEqualTo('0');
        assertThat(java.mode() & 0111).as(java.name() + " may be run by anyone").isEqualTo(0111);
        // a JRE of version 17, whose modules file the class path needs
        String home = path(java.name()).replaceFirst("/bin/java$", "");
        assertThat(resolve("/" + home + "/lib/modules", 0)).as(home + "/lib/modules").isNotNull();
        assertThat(resolve("/" + home + "/release", 0)).as(home + "/release").isNotNull();
    }

    /**
     * The regular file that the absolute {@code path} leads to in the image, through its symbolic links (the merged
     * /usr's /bin, Debian's alternatives) and hard links; null when it leads nowhere.
     */
    private static ImageTar.Entry resolve(String path, int links) {
        if (links > 40) {
            return null;
        }
        String[] parts = path.split("/");
        String current = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.contains("/") ? current.substring(0, current.lastIndexOf('/')) : "";
                continue;
            }
            String next = current.isEmpty() ? part : current + "/" + part;
            ImageTar.Entry entry = entries.get(next);
            if (entry == null) {
                return null;
            }
            String rest = String.join("/", List.of(parts).subList(i + 1, parts.length));
            if (entry.type() == '2') {
                String target = entry.link().startsWith("/") ? entry.link() : "/" + current + "/" + entry.link();
                return resolve(target + "/" + rest, links + 1);
            }
            if (entry.type() == '1') {
                return resolve("/" + path(entry.link()) + "/" + rest, links + 1);
            }
            current = next;
        }
        return entries.get(current);
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
