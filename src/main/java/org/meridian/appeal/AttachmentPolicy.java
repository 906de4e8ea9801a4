package org.meridian.appeal;

import java.util.Locale;
import java.util.Optional;

/**
 * Which files an appeal may carry: PDF, PNG, JPEG, Word (.docx) and Excel (.xlsx) documents of at most
 * {@value #MAX_BYTES} bytes (5 MiB), at most {@value #MAX_FILES} per appeal. The type is decided by the file's
 * first bytes and must agree with its name's extension, so a renamed executable is refused; the stored content
 * type is the one the bytes prove, never the one the browser claimed.
 */
public final class AttachmentPolicy {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_FILES = 5;
    public static final int MAX_NAME = 200;

    private AttachmentPolicy() {
    }

    /** An accepted kind of file. */
    public enum Kind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String[] extensions;

        Kind(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }

        public String contentType() {
            return contentType;
        }

        boolean named(String extension) {
            for (String e : extensions) {
                if (e.equals(extension)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The kind a file with this name and these bytes is, or empty when it is not one the policy accepts. */
    public static Optional<Kind> kindOf(String fileName, byte[] content) {
        if (fileName == null || content == null || content.length == 0) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        Kind byBytes = startsWith(content, "%PDF-".getBytes()) ? Kind.PDF
                : startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}) ? Kind.PNG
                : startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) ? Kind.JPEG
                : startsWith(content, new byte[] {'P', 'K', 0x03, 0x04}) ? (Kind.DOCX.named(ext) ? Kind.DOCX : Kind.XLSX)
                : null;
        return byBytes != null && byBytes.named(ext) ? Optional.of(byBytes) : Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
