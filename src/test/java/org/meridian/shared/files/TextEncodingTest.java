package org.meridian.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Which encoding a CSV file is read in, and which spreadsheet numbers are dates. */
class TextEncodingTest {

    private static TextEncoding detect(byte[] bytes) throws IOException {
        return TextEncoding.detect(new ByteArrayInputStream(bytes));
    }

    @Test
    void theByteOrderMarkDecidesFirstThenValidUtf8ElseGb18030() throws IOException {
        assertThat(detect(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'})).isEqualTo(TextEncoding.UTF_8);
        assertThat(detect("\uFEFFeventId,科室".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(TextEncoding.UTF_16LE);
        assertThat(detect("\uFEFFeventId,科室".getBytes(StandardCharsets.UTF_16BE))).isEqualTo(TextEncoding.UTF_16BE);
        assertThat(detect("eventId,科室,骨科".getBytes(StandardCharsets.UTF_8))).isEqualTo(TextEncoding.UTF_8);
        assertThat(detect("eventId,type".getBytes(StandardCharsets.US_ASCII))).isEqualTo(TextEncoding.UTF_8);
        assertThat(detect(new byte[0])).isEqualTo(TextEncoding.UTF_8);
        assertThat(detect("eventId,科室,骨科".getBytes(Charset.forName("GB18030")))).isEqualTo(TextEncoding.GB18030);
        // a UTF-8 character cut by the end of the file, and an overlong form (C0 80), are no UTF-8
        assertThat(detect(new byte[]{'a', (byte) 0xE8, (byte) 0xBD})).isEqualTo(TextEncoding.GB18030);
        assertThat(detect(new byte[]{'a', (byte) 0xC0, (byte) 0x80})).isEqualTo(TextEncoding.GB18030);
    }

    @Test
    void aUtf8CharacterAcrossTheDetectorsBufferIsStillUtf8() throws IOException {
        byte[] bytes = new byte[65536 + 2];
        java.util.Arrays.fill(bytes, (byte) 'a');
        byte[] ke = "科".getBytes(StandardCharsets.UTF_8); // E7 A7 91
        System.arraycopy(ke, 0, bytes, 65535, 3);
        assertThat(detect(bytes)).isEqualTo(TextEncoding.UTF_8);
    }

    @Test
    void dateFormatsAreTheBuiltInDateIdsAndCustomCodesWithDateLetters() {
        assertThat(SheetDates.isDate(14, null)).isTrue();
        assertThat(SheetDates.isDate(22, null)).isTrue();
        assertThat(SheetDates.isDate(31, null)).as("yyyy年m月d日 of Chinese Excel").isTrue();
        assertThat(SheetDates.isDate(0, null)).as("General").isFalse();
        assertThat(SheetDates.isDate(2, null)).as("0.00").isFalse();
        assertThat(SheetDates.isDate(164, "YYYY-MM-DD HH:MM:SS")).as("LibreOffice").isTrue();
        assertThat(SheetDates.isDate(165, "[$-804]yyyy\"年\"m\"月\"d\"日\"")).isTrue();
        assertThat(SheetDates.isDate(166, "General")).isFalse();
        assertThat(SheetDates.isDate(167, "0.00E+00")).isFalse();
        assertThat(SheetDates.isDate(168, "#,##0.00\"元\"")).as("a unit in quotes").isFalse();
        assertThat(SheetDates.isDate(169, "[Red]0.00")).isFalse();
    }

    @Test
    void aDayNumberIsCountedFrom18991230OrIn1904From19040101() {
        // 46346 days after 1899-12-30 is 2026-11-20 (the cell of issue 12); .375 of a day is 9 hours
        assertThat(SheetDates.localDateTime(new BigDecimal("46346.375"), false)).isEqualTo(LocalDateTime.of(2026, 11, 20, 9, 0));
        // 10:15 is 615/1440 = 0.427083333…, which a double cannot hold exactly: rounded to the millisecond
        assertThat(SheetDates.localDateTime(new BigDecimal("46346.427083333336"), false))
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 15));
        // the 1904 system counts 1,462 days fewer: 46346 - 1462 = 44884 days after 1904-01-01
        assertThat(SheetDates.localDateTime(new BigDecimal("44884.375"), true)).isEqualTo(LocalDateTime.of(2026, 11, 20, 9, 0));
        assertThat(SheetDates.text(new BigDecimal("46346"), false, 14, null)).isEqualTo("2026-11-20");
        assertThat(SheetDates.text(new BigDecimal("46346"), false, 22, null)).isEqualTo("2026-11-20T00:00");
        assertThat(SheetDates.localDateTime(new BigDecimal("-1"), false)).isNull();
    }
}
