package org.meridian.appeal;

import java.time.OffsetDateTime;

/** A file attached to an appeal (证明材料), without its content. */
public record Attachment(long id, long appealId, String fileName, String contentType, int size,
                         OffsetDateTime uploadedAt, String uploadedBy) {

    /** An attachment with its bytes, for download. */
    public record File(Attachment attachment, byte[] content) {
    }
}
