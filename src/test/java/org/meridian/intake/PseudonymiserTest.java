package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The HMAC-SHA-256 test vectors of RFC 4231 ("Identifiers and Test Vectors for HMAC-SHA-224, HMAC-SHA-256,
     * HMAC-SHA-384, and HMAC-SHA-512", section 4), fed through the key file (which holds any key bytes, Base64)
     * and a patient id. Test cases 1, 2, 6 and 7 are used whole; case 5 gives only the first 128 bits of the
     * result, so only they are compared. Cases 3 and 4 hash the bytes 0xdd and 0xcd, which are no UTF-8 text and
     * hence no patient id.
     */
    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 0b*20      | Hi There                                                     | b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
            2 | text:Jefe  | what do ya want for nothing?                                 | 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
            5 | 0c*20      | Test With Truncation                                         | a3b6167473100ee06e0c796c2955552b
            6 | aa*131     | Test Using Larger Than Block-Size Key - Hash Key First       | 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54
            7 | aa*131     | This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm. | 9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2
            """)
    void theRfc4231TestVectorsComeOut(int testCase, String key, String patientId, String hmac) throws Exception {
        Path dataDir = dir.resolve("case-" + testCase);
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(Pseudonymiser.KEY_FILE), Base64.getEncoder().encodeToString(bytes(key)),
                StandardCharsets.US_ASCII);
        assertThat(new Pseudonymiser("", dataDir).pseudonym(patientId)).hasSize(64).startsWith(hmac);
    }

    @Test
    void aConfiguredKeyIsUsedAsItsUtf8Bytes() throws Exception {
        String key = "a-deployment-secret-of-at-least-32-chars";
        Files.writeString(dir.resolve(Pseudonymiser.KEY_FILE),
                Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
        Path elsewhere = dir.resolve("no-key-file");
        assertThat(new Pseudonymiser(key, elsewhere).pseudonym("P-000123"))
                .isEqualTo(new Pseudonymiser("", dir).pseudonym("P-000123"));
    }

    /** {@code 0b*20}: the byte 0x0b twenty times; {@code text:Jefe}: the ASCII bytes of "Jefe". */
    private static byte[] bytes(String key) {
        if (key.startsWith("text:")) {
            return key.substring(5).getBytes(StandardCharsets.US_ASCII);
        }
        String[] parts = key.split("\\*");
        byte[] b = new byte[Integer.parseInt(parts[1])];
        Arrays.fill(b, (byte) Integer.parseInt(parts[0], 16));
        return b;
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
