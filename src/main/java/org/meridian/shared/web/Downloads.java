package org.meridian.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One way to hand a file to the caller, pages and API alike: its type and its name in {@code Content-Disposition}
 * (RFC 6266). A file made in memory is a {@code ResponseEntity<byte[]>} ({@link #attachment}, {@link #inline}); a
 * workbook written while it is made streams into the response ({@link #xlsx}).
 */
public final class Downloads {

    /** Office Open XML workbooks (.xlsx). */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType XLSX = MediaType.parseMediaType(XLSX_TYPE);

    private Downloads() {
    }

    /** The bytes as a file to save under {@code name} (an ASCII name, e.g. {@code statement-CH-001-2026-Q3-1.xlsx}). */
    public static ResponseEntity<byte[]> attachment(MediaType type, String name, byte[] bytes) {
        return file(ContentDisposition.attachment().filename(name), type, bytes);
    }

    /** The same for a name chosen by a person (an uploaded file's), kept in any script as {@code filename*} UTF-8. */
    public static ResponseEntity<byte[]> attachment(MediaType type, String name, Charset charset, byte[] bytes) {
        return file(ContentDisposition.attachment().filename(name, charset), type, bytes);
    }

    /** The bytes shown by the browser itself (a PDF), saved under {@code name}. */
    public static ResponseEntity<byte[]> inline(MediaType type, String name, byte[] bytes) {
        return file(ContentDisposition.inline().filename(name), type, bytes);
    }

    /**
     * Starts an XLSX download named {@code name} on the response and returns the stream to write the workbook to;
     * the caller closes it.
     */
    public static OutputStream xlsx(HttpServletResponse response, String name) throws IOException {
        response.setContentType(XLSX_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        return response.getOutputStream();
    }

    private static ResponseEntity<byte[]> file(ContentDisposition.Builder disposition, MediaType type, byte[] bytes) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
                .body(bytes);
    }
}
