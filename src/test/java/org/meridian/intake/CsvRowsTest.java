package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowsTest {

    static List<List<String>> read(byte[] bytes) {
        CsvRows rows = new CsvRows(new ByteArrayInputStream(bytes), org.meridian.shared.files.FileLimits.DEFAULT);
        List<List<String>> all = new ArrayList<>();
        for (List<String> r = rows.next(); r != null; r = rows.next()) {
            all.add(r);
        }
        return all;
    }

    static List<List<String>> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotesEscapedQuotesLineBreaksInQuotesCrlfAndABom() {
        assertThat(read("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\nlast,,end"))
                .containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
                        List.of("", "", ""), List.of("last", "", "end"));
        assertThat(read("a,b\n")).containsExactly(List.of("a", "b"));
        assertThat(read("")).isEmpty();
    }

    @Test
    void brokenQuotesNameTheirLine() {
        assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n")).isInstanceOf(ImportFileException.class)
                .hasMessage("line 2: a quoted field is never closed");
        assertThatThrownBy(() -> read("a,b\n1,ab\"c\n")).hasMessageStartingWith("line 2: a double quote inside a field");
        assertThatThrownBy(() -> read("a,b\nx,y\n1,\"ab\"c\n")).hasMessage("line 3: text after the closing quote of a field");
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() {
        byte[] gbk = "eventId,type\ne1,转诊\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThatThrownBy(() -> read(gbk)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("line 2").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void decodesEveryUtf8LengthAndRefusesOverlongFormsAndSurrogates() {
        assertThat(read("é,转诊,😀\n")).containsExactly(List.of("é", "转诊", "😀"));
        assertThatThrownBy(() -> read(new byte[]{'a', '\n', (byte) 0xC0, (byte) 0xAF})).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> read(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> read(new byte[]{'a', (byte) 0xE8, (byte) 0xBD})).hasMessageContaining("UTF-8");
    }
}
