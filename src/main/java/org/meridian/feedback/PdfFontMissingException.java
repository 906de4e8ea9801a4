package org.meridian.feedback;

import java.util.List;
import java.util.Map;

import org.meridian.shared.problem.UnavailableException;

/**
 * No font with Chinese characters could be found for the PDF reports: neither the configured
 * {@code meridian.feedback.pdf-font} nor any of the well-known places of the Noto Sans CJK or Droid Sans Fallback
 * fonts holds one. Install {@code fonts-noto-cjk} (Debian/Ubuntu) or set the path (docs/feedback.md).
 * HTTP 503, {@code urn:meridian:feedback:pdf-font-missing}, with the places looked at as {@code searched}; the report
 * pages show {@code feedback/no-font} instead.
 */
public class PdfFontMissingException extends UnavailableException {

    private final List<String> searched;

    public PdfFontMissingException(List<String> searched) {
        super("feedback", "pdf-font-missing", "feedback.problem.pdfFontMissing", List.of(String.join(", ", searched)),
                "No CJK font for the feedback PDF was found; looked at " + String.join(", ", searched)
                + ". Install the Debian package fonts-noto-cjk or set MERIDIAN_FEEDBACK_PDF_FONT to a .ttc/.otf/.ttf "
                + "font file with Chinese characters.");
        this.searched = List.copyOf(searched);
    }

    public List<String> searched() {
        return searched;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("searched", searched);
    }
}
