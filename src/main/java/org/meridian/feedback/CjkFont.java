package org.meridian.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.BaseFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The font with Chinese characters that the PDF reports embed (as a subset: only the glyphs a report uses). The
 * repository ships no font: it is taken from the machine, from {@code meridian.feedback.pdf-font} when set, else
 * from the first of {@link #WELL_KNOWN} that exists — the Noto Sans CJK collection of Debian's {@code fonts-noto-cjk}
 * (its Simplified Chinese face is picked from the collection) or Droid Sans Fallback of {@code fonts-droid-fallback}.
 */
@Component
class CjkFont {

    static final List<String> WELL_KNOWN = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private final String configured;
    private volatile BaseFont font;

    CjkFont(@Value("${meridian.feedback.pdf-font:}") String configured) {
        this.configured = configured == null ? "" : configured.strip();
    }

    /** The font, loaded once. */
    BaseFont get() {
        BaseFont f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                f = font;
            }
        }
        return f;
    }

    /** Where the font is looked for, in order. */
    List<String> candidates() {
        return configured.isEmpty() ? WELL_KNOWN : List.of(configured);
    }

    private BaseFont load() {
        List<String> searched = new ArrayList<>();
        for (String path : candidates()) {
            searched.add(path);
            if (!Files.isRegularFile(Path.of(path))) {
                continue;
            }
            try {
                return BaseFont.createFont(face(path), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("The font " + path + " could not be read for the feedback PDF: "
                        + e.getMessage(), e);
            }
        }
        throw new PdfFontMissingException(searched);
    }

    /** A collection (.ttc) names one face by index: the Simplified Chinese one when there is one. */
    private static String face(String path) throws IOException {
        if (!path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            return path;
        }
        String[] names = BaseFont.enumerateTTCNames(path);
        for (int i = 0; i < names.length; i++) {
            if (names[i].toLowerCase(Locale.ROOT).contains("cjksc")) {
                return path + "," + i;
            }
        }
        return path + ",0";
    }
}
