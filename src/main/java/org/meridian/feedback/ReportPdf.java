package org.meridian.feedback;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.tenant.SmallSampleThreshold;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a feedback report as a PDF (A4) in the reader's language, with a subset of a CJK font embedded
 * ({@link CjkFont}) so that Chinese text shows on every reader: the figures, every indicator against the peer
 * median, the dimension scores with performance, brand index and quadrant (when the scheme has them), the trend
 * of the total, the strongest and weakest indicators, the suggestions and the delivery status.
 *
 * @throws PdfFontMissingException (from {@link #write}) when the machine has no CJK font
 */
@Component
public class ReportPdf {

    private static final Color BRAND = new Color(0x0f, 0x5f, 0x7a);
    private static final Color MUTED = new Color(0x5f, 0x6f, 0x7a);
    private static final Color HEAD = new Color(0xe8, 0xef, 0xf2);
    private static final Color GOOD = new Color(0x1d, 0x8a, 0x4e);
    private static final Color BAD = new Color(0xb3, 0x26, 0x1e);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CjkFont cjk;
    private final MessageSource messages;
    private final Hospitals hospitals;
    private final FeedbackReporting reports;
    private final SmallSampleThreshold smallSamples;

    ReportPdf(CjkFont cjk, MessageSource messages, Hospitals hospitals, FeedbackReporting reports,
              SmallSampleThreshold smallSamples) {
        this.smallSamples = smallSamples;
        this.cjk = cjk;
        this.messages = messages;
        this.hospitals = hospitals;
        this.reports = reports;
    }

    /** A report's PDF as handed to its reader: the file name offered and the document. */
    public record PdfFile(String name, byte[] bytes) {
    }

    /**
     * The PDF of a report for one reader, the same on the pages and over the API: a report the reader may not see
     * is not found, and a missing font is answered, before anything is recorded; then the report is opened (the
     * first opening by a user of its own channel records the view) and written in the reader's language.
     */
    public PdfFile render(Actor reader, long id, Locale locale) {
        reports.get(reader, id);
        requireFont();
        FeedbackReport report = reports.open(reader, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(reader.hospitalId(), report, locale, out);
        return new PdfFile(fileName(report), out.toByteArray());
    }

    /** The file name offered for download, e.g. {@code feedback-CH-001-2026-Q3-v1.pdf}. */
    public static String fileName(FeedbackReport r) {
        ReportContent c = r.content();
        return "feedback-" + c.channelCode().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + c.period() + "-v" + c.version()
                + ".pdf";
    }

    /** Checks that the font can be loaded, so that a missing font is answered before anything is written. */
    public void requireFont() {
        cjk.get();
    }

    public void write(long hospitalId, FeedbackReport report, Locale locale, OutputStream out) {
        BaseFont base = cjk.get();
        boolean english = "en".equals(locale.getLanguage());
        ReportContent c = report.content();
        ReportSheet s = ReportSheet.of(c, english, smallSamples.of(hospitalId));
        Hospital hospital = hospitals.find(hospitalId).orElseThrow();
        ZoneId zone = hospital.timeZone();
        Font small = new Font(base, 8.5f, Font.NORMAL, MUTED);
        Font body = new Font(base, 9.5f);
        Font bold = new Font(base, 9.5f, Font.BOLD);
        Font h1 = new Font(base, 18, Font.NORMAL, BRAND);
        Font h2 = new Font(base, 12, Font.NORMAL, BRAND);
        Font figure = new Font(base, 16, Font.NORMAL, BRAND);

        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(doc, out);
        boolean channel = org.meridian.shared.UnitType.valueOf(c.unitType()).kind()
                == org.meridian.shared.UnitKind.CHANNEL;
        String titleKey = channel ? "feedback.pdf.title" : "feedback.pdf.titleUnit";
        doc.addTitle(t(titleKey, locale) + " " + c.channelName() + " " + c.period());
        doc.addCreator("Meridian");
        doc.open();
        doc.add(new Paragraph(hospital.name(), small));
        Paragraph title = new Paragraph(t(titleKey, locale), h1);
        title.setSpacingBefore(4);
        doc.add(title);
        doc.add(new Paragraph(c.channelName() + "（" + c.channelCode() + "）", new Font(base, 13)));
        doc.add(new Paragraph(t("unitType." + c.unitType(), locale) + " · " + t("feedback.period", locale) + " "
                + c.period() + " · " + t("feedback.version", locale, c.version()) + " · "
                + t("feedback.publishedAt", locale) + " " + time(c.publishedAt(), zone), small));

        PdfPTable figures = new PdfPTable(4);
        figures.setWidthPercentage(100);
        figures.setSpacingBefore(12);
        figureCell(figures, t("feedback.total", locale), s.total(), small, figure);
        figureCell(figures, t("feedback.rank", locale), s.rank(), small, figure);
        figureCell(figures, t("feedback.tier", locale), s.unrated() ? t("feedback.tier.UNRATED", locale) : s.tier(),
                small, figure);
        figureCell(figures, t("feedback.coverage", locale), s.coverage(), small, figure);
        doc.add(figures);

        if (s.showDimensions()) {
            heading(doc, t("evaluation.dimensions.title", locale), h2);
            String placed = t("evaluation.col.performance", locale) + " " + s.performance() + " · "
                    + t("evaluation.col.brand", locale) + " " + s.brand()
                    + (s.quadrant() == null ? "" : " · " + t("evaluation.matrix.quadrant", locale) + " "
                    + t("evaluation.quadrant." + s.quadrant(), locale));
            doc.add(new Paragraph(placed, bold));
            PdfPTable dims = new PdfPTable(new float[] {2.5f, 1f, 1.5f});
            dims.setWidthPercentage(60);
            dims.setHorizontalAlignment(Element.ALIGN_LEFT);
            dims.setSpacingBefore(5);
            for (ReportSheet.DimensionRow d : s.dimensions()) {
                cell(dims, t("indicator.dimension." + d.dimension(), locale), body, Element.ALIGN_LEFT);
                cell(dims, d.score(), body, Element.ALIGN_RIGHT);
                cell(dims, t("evaluation.dimensions.coverage", locale, d.coverage()), small, Element.ALIGN_RIGHT);
            }
            doc.add(dims);
        }

        heading(doc, t("feedback.indicators", locale), h2);
        PdfPTable lines = new PdfPTable(new float[] {2.6f, 1.7f, 1f, 1f, 1.6f, 1.3f, 2.1f});
        lines.setWidthPercentage(100);
        lines.setHeaderRows(1);
        for (String key : List.of("feedback.col.indicator", "feedback.col.value", "feedback.col.score",
                "feedback.col.weight", "feedback.col.peerMedianValue", "feedback.col.peerMedianScore",
                "feedback.col.standing")) {
            PdfPCell cell = new PdfPCell(new Phrase(t(key, locale), bold));
            cell.setBackgroundColor(HEAD);
            cell.setPadding(4);
            lines.addCell(cell);
        }
        for (ReportSheet.Row r : s.rows()) {
            cell(lines, r.name(), body, Element.ALIGN_LEFT);
            String value = "—".equals(r.value()) ? t("feedback.noData", locale) : r.value() + " " + r.unit();
            if (r.small()) { // as the scorecard marks it, with n and the threshold
                Phrase both = new Phrase(value, body);
                both.add(new Chunk("\n" + t("feedback.smallSample", locale, r.sample(), s.smallBelow()),
                        new Font(base, 8f, Font.NORMAL, BAD)));
                cell(lines, both, Element.ALIGN_RIGHT);
            } else {
                cell(lines, value, body, Element.ALIGN_RIGHT);
            }
            cell(lines, r.score(), body, Element.ALIGN_RIGHT);
            cell(lines, r.weight(), body, Element.ALIGN_RIGHT);
            cell(lines, "—".equals(r.peerMedianValue()) ? "—" : r.peerMedianValue() + " " + r.unit(), body,
                    Element.ALIGN_RIGHT);
            cell(lines, r.peerMedianScore(), body, Element.ALIGN_RIGHT);
            Color colour = r.standing() == ReportSheet.Standing.ABOVE ? GOOD
                    : r.standing() == ReportSheet.Standing.BELOW ? BAD : MUTED;
            cell(lines, t("feedback.standing." + r.standing(), locale)
                    + (r.standing() == ReportSheet.Standing.NO_DATA ? "" : " " + r.gap()),
                    new Font(base, 9.5f, Font.NORMAL, colour), Element.ALIGN_LEFT);
        }
        doc.add(lines);

        heading(doc, t("feedback.trend", locale), h2);
        if (s.trend().isEmpty()) {
            doc.add(new Paragraph(t("feedback.trend.none", locale), small));
        } else {
            PdfPTable trend = new PdfPTable(s.trend().size() + 1);
            trend.setWidthPercentage(100);
            PdfPCell corner = new PdfPCell(new Phrase(t("feedback.period", locale), bold));
            corner.setBackgroundColor(HEAD);
            trend.addCell(corner);
            s.trend().forEach(p -> {
                PdfPCell cell = new PdfPCell(new Phrase(p.period(), bold));
                cell.setBackgroundColor(HEAD);
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                trend.addCell(cell);
            });
            cell(trend, t("feedback.total", locale), body, Element.ALIGN_LEFT);
            s.trend().forEach(p -> cell(trend, p.total(), body, Element.ALIGN_RIGHT));
            cell(trend, t("feedback.col.rank", locale), body, Element.ALIGN_LEFT);
            s.trend().forEach(p -> cell(trend, p.rank(), body, Element.ALIGN_RIGHT));
            cell(trend, t("feedback.tier", locale), body, Element.ALIGN_LEFT);
            s.trend().forEach(p -> cell(trend, "UNRATED".equals(p.tier()) ? t("feedback.tier.UNRATED", locale)
                    : p.tier(), body, Element.ALIGN_RIGHT));
            doc.add(trend);
        }

        heading(doc, t("feedback.strongest", locale), h2);
        list(doc, s.strongest(), "feedback.noneAbove", locale, body, small);
        heading(doc, t("feedback.weakest", locale), h2);
        list(doc, s.weakest(), "feedback.noneBelow", locale, body, small);

        heading(doc, t("feedback.suggestions", locale), h2);
        if (s.suggestions().isEmpty()) {
            doc.add(new Paragraph(t("feedback.suggestions.none", locale), small));
        }
        int n = 1;
        for (String text : s.suggestions()) {
            Paragraph p = new Paragraph(n++ + ". " + text, body);
            p.setIndentationLeft(12);
            p.setFirstLineIndent(-12);
            p.setSpacingAfter(3);
            doc.add(p);
        }

        Paragraph status = !channel ? new Paragraph(t("feedback.pdf.statusUnit", locale,
                time(report.generatedAt(), zone)), small)
                : new Paragraph(t("feedback.pdf.status", locale, time(report.generatedAt(), zone),
                report.viewedAt() == null ? "—" : time(report.viewedAt(), zone),
                report.acknowledgedAt() == null ? "—" : time(report.acknowledgedAt(), zone)
                        + " (" + report.acknowledgedBy() + ")"), small);
        status.setSpacingBefore(16);
        doc.add(status);
        doc.close();
    }

    private static void figureCell(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell cell = new PdfPCell();
        cell.setPadding(6);
        cell.setBorderColor(HEAD);
        cell.addElement(new Paragraph(value, valueFont));
        cell.addElement(new Paragraph(label, labelFont));
        table.addCell(cell);
    }

    private static void cell(PdfPTable table, String text, Font font, int align) {
        cell(table, new Phrase(text, font), align);
    }

    private static void cell(PdfPTable table, Phrase text, int align) {
        PdfPCell cell = new PdfPCell(text);
        cell.setPadding(4);
        cell.setHorizontalAlignment(align);
        cell.setBorderColor(HEAD);
        table.addCell(cell);
    }

    private static void heading(Document doc, String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(12);
        p.setSpacingAfter(5);
        doc.add(p);
    }

    private void list(Document doc, List<ReportSheet.Row> rows, String noneKey, Locale locale, Font body, Font small) {
        if (rows.isEmpty()) {
            doc.add(new Paragraph(t(noneKey, locale), small));
        }
        for (ReportSheet.Row r : rows) {
            Paragraph p = new Paragraph();
            p.add(new Chunk("• " + r.name() + "  ", body));
            p.add(new Chunk(t("feedback.scoreAgainst", locale, r.score(), r.peerMedianScore()), small));
            doc.add(p);
        }
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "—" : at.atZone(zone).format(MINUTES);
    }
}
