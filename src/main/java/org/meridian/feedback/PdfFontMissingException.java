package org.meridian.feedback;

import java.util.List;

/**
 * No font with Chinese characters could be found for the PDF reports: neither the configured
 * {@code meridian.feedback.pdf-font} nor any of the well-known places of the Noto Sans CJK or Droid Sans Fallback
 * fonts holds one. Install {@code fonts-noto-cjk} (Debian/Ubuntu) or set the path (docs/feedback.md).
 */
public class PdfFontMissingException extends RuntimeException {

    private final List<String> searched;

    public PdfFontMissingException(List<String> searched) {
        super("No CJK font for the feedback PDF was found; looked at " + String.join(", ", searched)
                + ". Install the Debian package fonts-noto-cjk or set MERIDIAN_FEEDBACK_PDF_FONT to a .ttc/.otf/.ttf "
                + "font file with Chinese characters.");
        this.searched = List.copyOf(searched);
    }

    public List<String> searched() {
        return searched;
    }
}
