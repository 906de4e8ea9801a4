package org.meridian.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18 point 2: an upload over its route's limit is refused before its body is read. A raw HTTP request declares
 * a 600 MB appeal attachment and sends only its first bytes: before the limits, the server waited for (and stored)
 * the whole body; now it answers 413 at once.
 */
@MeridianWebTest
class UploadLimitsTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length: *(\\d+)");

    @LocalServerPort int port;

    /** Sends the head of a multipart POST declaring {@code length} bytes, then a few; answers the whole response. */
    String declare(String path, long length, String accept) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n"
                    + "Accept-Language: en\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n"
                    + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return response(socket.getInputStream());
        }
    }

    /**
     * The response read as HTTP frames it, up to the end of its body (its {@code Content-Length}, or the last chunk),
     * not up to the close of the connection: after the answer the server may wait for the body it declined, until
     * its timeout, before it closes.
     */
    static String response(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            for (int last = 0; last != 0x0d0a0d0a; ) { // up to the empty line that ends the head
                int b = in.read();
                if (b < 0) {
                    return answer.toString(StandardCharsets.UTF_8);
                }
                answer.write(b);
                last = (last << 8) | b;
            }
            String head = answer.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            Matcher length = CONTENT_LENGTH.matcher(head);
            if (length.find()) {
                answer.write(in.readNBytes(Integer.parseInt(length.group(1))));
            } else if (head.contains("\r\ntransfer-encoding: chunked")) {
                for (int size = chunk(in, answer); size > 0; size = chunk(in, answer)) {
                    answer.write(in.readNBytes(size + 2)); // the chunk and its CRLF
                }
                answer.write(in.readNBytes(2)); // the CRLF after the last (empty) chunk
            } else {
                answer.write(in.readAllBytes()); // neither: the body ends with the connection
            }
        } catch (IOException reset) {
            // the server may close the connection without reading the rest: what came is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Reads a chunk's size line into {@code answer}; the size. */
    private static int chunk(InputStream in, ByteArrayOutputStream answer) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            answer.write(b);
            line.append((char) b);
        }
        answer.write('\n');
        String size = line.toString().trim();
        int semicolon = size.indexOf(';');
        return Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
    }

    @Test
    void a600MegabyteAttachmentIsRefusedWith413BeforeItsBodyIsRead() throws IOException {
        String answer = declare("/api/v1/appeals/1/attachments", 600L * 1024 * 1024, "application/json");

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("application/problem+json");
        // 5 MB: the appeal attachment limit (5 × 1,048,576 bytes)
        assertThat(answer).contains("\"detail\":\"The upload is larger than this form accepts (at most 5 MB);"
                + " nothing of it was read or stored.");
    }

    @Test
    void eachKindOfUploadHasItsOwnLimit() throws IOException {
        // 10 MB for a channel file, 32 MB for statistics and exam files; a browser gets a page saying so, with 413
        assertThat(declare("/api/v1/channels/imports", 11L * 1024 * 1024, "application/json"))
                .startsWith("HTTP/1.1 413").contains("at most 10 MB");
        assertThat(declare("/api/v1/statistics/import", 33L * 1024 * 1024, "application/json"))
                .startsWith("HTTP/1.1 413").contains("at most 32 MB");
        assertThat(declare("/api/v1/exams/import", 33L * 1024 * 1024, "application/json"))
                .startsWith("HTTP/1.1 413").contains("at most 32 MB");
        assertThat(declare("/channels/import", 11L * 1024 * 1024, "text/html")).startsWith("HTTP/1.1 413")
                .contains("text/html").contains("at most 10 MB");
    }
}
