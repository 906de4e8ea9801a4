package org.meridian.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mainland numbers as people type them. The number plan used: mobile numbers have 11 digits and start 13–19;
 * Beijing (010) and 020–029 are the two-digit areas with 8-digit local numbers, the other areas have three digits
 * after the 0 and 7- or 8-digit local numbers, and no local number starts with 0 or 1.
 */
class PatientPhoneTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13812345678|13812345678",
            "138 1234 5678|13812345678",
            "138-1234-5678|13812345678",
            "+86 138 1234 5678|13812345678",
            "008619912345678|19912345678",
            "010-62345678|010-62345678",
            "(010) 6234 5678|010-62345678",
            "021-5234-5678|021-52345678",
            "0755 82345678|0755-82345678",
            "0891-6345678|0891-6345678",
            "010-62345678-123|010-62345678-123",
            "01062345678转8|010-62345678-8",
    })
    void readsMobileAndLandlineNumbersIntoOneForm(String typed, String normal) {
        assertThat(PatientPhone.parse(typed)).hasValueSatisfying(p -> assertThat(p.value()).isEqualTo(normal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "12812345678", "1381234567", "138123456789", "010-1234567",
            "010-02345678", "0755-123456", "62345678", "abc", "138１２３４５６７８", "+1 212 555 0100"})
    void refusesWhatIsNoMainlandNumber(String typed) {
        assertThat(PatientPhone.parse(typed)).isEmpty();
    }

    @Test
    void masksAllButTheFirstThreeAndLastFourDigits() {
        assertThat(PatientPhone.parse("13812345678").orElseThrow().masked()).isEqualTo("138****5678");
        assertThat(PatientPhone.parse("0755-82345678").orElseThrow().masked()).isEqualTo("075*****5678");
        assertThatThrownBy(() -> new PatientPhone("138 1234 5678")).isInstanceOf(IllegalArgumentException.class);
    }
}
