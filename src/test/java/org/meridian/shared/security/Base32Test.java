package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Base32 against RFC 4648 §10's test vectors. */
class Base32Test {

    @ParameterizedTest
    @CsvSource(value = {
            "''|''", "f|MY======", "fo|MZXQ====", "foo|MZXW6===", "foob|MZXW6YQ=", "fooba|MZXW6YTB",
            "foobar|MZXW6YTBOI======"}, delimiter = '|')
    void encodesAndDecodesTheVectorsOfRfc4648(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(encoded);
        assertThat(Base32.encodeUnpadded(bytes)).isEqualTo(encoded.replace("=", ""));
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.replace("=", "").toLowerCase())).isEqualTo(bytes);
    }

    /** RFC 6238's SHA1 seed as an authenticator app would be given it: 20 bytes are exactly 32 characters. */
    @Test
    void theRfc6238SeedInBase32() {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(seed)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")).isEqualTo(seed);
    }

    @Test
    void aCharacterOutsideTheAlphabetIsRefused() {
        assertThatThrownBy(() -> Base32.decode("MZXW1YQ=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at 4");
    }

    @Test
    void groupsOfFourForTypingByHand() {
        assertThat(Base32.grouped("GEZDGNBVGY3TQOJQGE")).isEqualTo("GEZD GNBV GY3T QOJQ GE");
        assertThat(Base32.grouped("")).isEmpty();
    }
}
