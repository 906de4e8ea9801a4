package org.meridian.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The PDF of a feedback report, read back with PDFBox: its text holds the Chinese channel and indicator names and
 * the figures of {@link Ward}; the CJK font is embedded as a subset; page 1 is rendered to
 * {@code target/screenshots/feedback-report-pdf.png} to be looked at.
 */
@MeridianTest
class ReportPdfTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void thePdfCarriesTheChineseTextAndFiguresWithAnEmbeddedSubsetFont() throws Exception {
        Ward w = new Ward(mvc, users, hospitals);
        long evaluation = w.publishedSeptember();
        String list = w.as(w.office, get("/api/v1/feedback-reports").param("evaluationId", String.valueOf(evaluation)))
                .andReturn().getResponse().getContentAsString();
        long fb = ((Number) ((List<?>) JsonPath.read(list, "$.items[?(@.channel == 'FB')].id")).get(0)).longValue();
        String partner = w.channelUser("FB");

        byte[] bytes = w.as(partner, get("/api/v1/feedback-reports/" + fb + "/pdf")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("feedback-FB-2026-09-v1.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("渠道考核评估反馈报告", "康桥转诊中心 FB", "转诊医疗机构", "2026-09");
            assertThat(text).contains("转诊量", "到诊率", "投诉率", "患者满意度");
            assertThat(text).contains("36.00", "3 / 3", "D");
            // arrival rate: value 60 %, score 20, peer median 75 %, median score 50, 30 below it (rates read with one decimal)
            // FB's 5 referrals and 2 surveys are fewer than 30: marked as on the scorecard, with n and the threshold
            assertThat(text).contains("到诊率 60.0 % 样本量小（n = 5，少于 30） 20 30 75.0 % 50 低于中位数 −30",
                    "患者满意度 50.0 % 样本量小（n = 2，少于 30） 50 20");
            assertThat(text).contains("投诉率 333.3 ‰ 0 10"); // a per-mille rate is no share: no mark
            assertThat(text).contains("优势指标", "待提升指标", "改进建议", "到诊率偏低");
            // FB stands above the median nowhere (docs/feedback.md, the lists follow the comparison column)
            assertThat(text).contains("没有得分高于同类中位数的指标");
            assertThat(text).contains("2026-08");
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.getName()).contains("NotoSansCJK").matches("[A-Z]{6}\\+.*");
            assertThat(font.isEmbedded()).isTrue();
            assertThat(bytes.length).as("a subset, not the whole 16 MB font").isLessThan(1_000_000);

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(page, "png", dir.resolve("feedback-report-pdf.png").toFile());
        }
        // the PDF counts as the channel's first view
        String after = w.as(w.office, get("/api/v1/feedback-reports/" + fb)).andReturn().getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(after, "$.report.status")).isEqualTo("VIEWED");

        // in English on request
        byte[] english = w.as(w.office, get("/api/v1/feedback-reports/" + fb + "/pdf").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(english)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Channel evaluation feedback report",
                    "Arrival rate", "康桥转诊中心 FB");
        }
    }

    @Test
    void withoutAFontTheReasonAndThePlacesLookedAtAreSaid() {
        CjkFont missing = new CjkFont("/nowhere/NoSuchFont.ttc");
        assertThatThrownBy(missing::get).isInstanceOf(PdfFontMissingException.class)
                .hasMessageContaining("/nowhere/NoSuchFont.ttc").hasMessageContaining("fonts-noto-cjk")
                .hasMessageContaining("MERIDIAN_FEEDBACK_PDF_FONT");
        assertThat(new CjkFont("").candidates()).isEqualTo(CjkFont.WELL_KNOWN);
    }
}
