package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HOTP and TOTP against the published test vectors: RFC 4226 Appendix D (HOTP) and RFC 6238 Appendix B (TOTP). Both
 * RFCs use the ASCII seed "12345678901234567890" (20 bytes) for SHA1; RFC 6238's reference code (Appendix A) uses
 * "12345678901234567890123456789012" (32 bytes) for SHA256 and that 64-byte pattern for SHA512, with 8 digits.
 */
class OneTimePasswordTest {

    private static final byte[] SEED_SHA1 = ascii("12345678901234567890");
    private static final byte[] SEED_SHA256 = ascii("12345678901234567890123456789012");
    private static final byte[] SEED_SHA512 = ascii(
            "1234567890123456789012345678901234567890123456789012345678901234");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 4226 Appendix D, the HOTP column for counts 0 to 9 (6 digits). */
    @Test
    void hotpGivesTheValuesOfRfc4226AppendixD() {
        List<String> expected = List.of("755224", "287082", "359152", "969429", "338314",
                "254676", "287922", "162583", "399871", "520489");
        assertThat(IntStream.range(0, 10).mapToObj(
                c -> OneTimePassword.hotpText(SEED_SHA1, c, 6, OneTimePassword.Algorithm.SHA1)))
                .containsExactlyElementsOf(expected);
    }

    /** RFC 6238 Appendix B: time (s), T (hex), TOTP with SHA1, SHA256, SHA512 (8 digits). */
    @ParameterizedTest
    @CsvSource({
            "59,          0000000000000001, 94287082, 46119246, 90693936",
            "1111111109,  00000000023523EC, 07081804, 68084774, 25091201",
            "1111111111,  00000000023523ED, 14050471, 67062674, 99943326",
            "1234567890,  000000000273EF07, 89005924, 91819424, 93441116",
            "2000000000,  0000000003F940AA, 69279037, 90698825, 38618901",
            "20000000000, 0000000027BC86AA, 65353130, 77737706, 47863826"})
    void totpGivesTheValuesOfRfc6238AppendixB(long seconds, String stepHex, String sha1, String sha256,
                                              String sha512) {
        long step = OneTimePassword.step(Instant.ofEpochSecond(seconds));
        assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(OneTimePassword.hotpText(SEED_SHA1, step, 8, OneTimePassword.Algorithm.SHA1)).isEqualTo(sha1);
        assertThat(OneTimePassword.hotpText(SEED_SHA256, step, 8, OneTimePassword.Algorithm.SHA256))
                .isEqualTo(sha256);
        assertThat(OneTimePassword.hotpText(SEED_SHA512, step, 8, OneTimePassword.Algorithm.SHA512))
                .isEqualTo(sha512);
    }

    /**
     * Meridian's 6-digit code is the last 6 digits of the 8-digit value (both are the same 31-bit number modulo a power
     * of ten): at T = 59 s, 94287082 → 287082, which is also RFC 4226's HOTP for count 1 (59 div 30 = 1).
     */
    @Test
    void theSixDigitCodeIsTheLastSixDigitsOfTheRfcValue() {
        assertThat(OneTimePassword.totp(SEED_SHA1, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(OneTimePassword.totp(SEED_SHA1, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        // a value with leading zeros keeps them: 07081804 has six last digits 081804
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoStepsAway() {
        // RFC 4226 Appendix D gives the codes of steps 0..9; at 1970-01-01 00:02:30 the step is 150 / 30 = 5
        Instant now = Instant.ofEpochSecond(150);
        assertThat(OneTimePassword.verify(SEED_SHA1, "254676", now, -1)).hasValue(5);   // step 5, now
        assertThat(OneTimePassword.verify(SEED_SHA1, "338314", now, -1)).hasValue(4);   // step 4, 30 s late
        assertThat(OneTimePassword.verify(SEED_SHA1, "287922", now, -1)).hasValue(6);   // step 6, phone 30 s ahead
        assertThat(OneTimePassword.verify(SEED_SHA1, "969429", now, -1)).isEmpty();     // step 3, a minute old
        assertThat(OneTimePassword.verify(SEED_SHA1, "162583", now, -1)).isEmpty();     // step 7
    }

    @Test
    void aCodeOfAStepAlreadyUsedIsNotAcceptedAgain() {
        Instant now = Instant.ofEpochSecond(150);
        assertThat(OneTimePassword.verify(SEED_SHA1, "254676", now, 5)).isEmpty();     // step 5 used: replay
        assertThat(OneTimePassword.verify(SEED_SHA1, "338314", now, 5)).isEmpty();     // older than the last used
        assertThat(OneTimePassword.verify(SEED_SHA1, "287922", now, 5)).hasValue(6);   // the next one still works
    }

    @Test
    void anythingButSixDigitsMatchesNothing() {
        Instant now = Instant.ofEpochSecond(150);
        assertThat(OneTimePassword.verify(SEED_SHA1, null, now, -1)).isEmpty();
        assertThat(OneTimePassword.verify(SEED_SHA1, "", now, -1)).isEmpty();
        assertThat(OneTimePassword.verify(SEED_SHA1, "25467", now, -1)).isEmpty();
        assertThat(OneTimePassword.verify(SEED_SHA1, "2546760", now, -1)).isEmpty();
        assertThat(OneTimePassword.verify(SEED_SHA1, "25467a", now, -1)).isEmpty();
        assertThat(OneTimePassword.verify(SEED_SHA1, "２５４６７６", now, -1)).isEmpty(); // full-width digits
    }

    @Test
    void thereIsNoStepBefore1970() {
        assertThatThrownBy(() -> OneTimePassword.step(Instant.ofEpochSecond(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
