package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymiserTest {

    @TempDir Path dir;

    @Test
    void aConfiguredKeyGivesTheHmacSha256OfThePatientId() throws Exception {
        String key = "a-deployment-secret-of-at-least-32-chars";
        Pseudonymiser p = new Pseudonymiser(key, dir);
        // independent computation with the JDK's HMAC (RFC 2104, FIPS 198-1)
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("P-000123".getBytes(StandardCharsets.UTF_8)));
        assertThat(p.pseudonym("P-000123")).isEqualTo(expected).hasSize(64).doesNotContain("000123");
        assertThat(p.pseudonym(null)).isNull();
        assertThat(Files.exists(dir.resolve(Pseudonymiser.KEY_FILE))).as("no key file when a key is configured").isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new Pseudonymiser("short", dir)).hasMessageContaining("at least 32");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceReadableOnlyByItsOwner() throws Exception {
        Path dataDir = dir.resolve("data");
        Pseudonymiser first = new Pseudonymiser("", dataDir);
        Path keyFile = dataDir.resolve(Pseudonymiser.KEY_FILE);
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        Pseudonymiser again = new Pseudonymiser(null, dataDir);
        assertThat(again.pseudonym("P-1")).as("the same key after a restart").isEqualTo(first.pseudonym("P-1"));
        Pseudonymiser elsewhere = new Pseudonymiser("", dir.resolve("other"));
        assertThat(elsewhere.pseudonym("P-1")).as("another deployment, another key").isNotEqualTo(first.pseudonym("P-1"));
    }
}
