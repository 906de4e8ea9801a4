package org.meridian.incentive.web;

import java.util.Locale;

import org.meridian.incentive.Explanations;
import org.meridian.incentive.Statement;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a statement (结算单) shows of itself, the same to the office and to the channel's own user: its status,
 * result, who prepared, reviewed, approved and paid it, and its lines with their explanations in the reader's
 * language (the fragments of {@code templates/incentives/statement-detail.html}), and its XLSX download. What each
 * reader may do with it (and may open at all) stays with the page that shows it.
 */
@Component
class StatementDetail {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Explanations texts;
    private final Hospitals hospitals;

    StatementDetail(Explanations texts, Hospitals hospitals) {
        this.texts = texts;
        this.hospitals = hospitals;
    }

    /** Puts the statement ({@code s}), its header ({@code h}), the time zone and the explanations in the model. */
    void show(Statement statement, Model model, Locale locale) {
        model.addAttribute("s", statement);
        model.addAttribute("h", statement.header());
        model.addAttribute("zone", hospitals.current().timeZone());
        model.addAttribute("explanations", statement.lines().stream()
                .map(l -> texts.render(l.line().explanation(), locale)).toList());
    }

    /** The statement's workbook as a download named like {@code statement-CH-001-2026-Q3-1.xlsx}. */
    static ResponseEntity<byte[]> download(Statement statement, byte[] workbook) {
        var h = statement.header();
        String name = "statement-" + h.channelCode() + "-" + h.period() + "-" + h.sequence() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(workbook);
    }
}
