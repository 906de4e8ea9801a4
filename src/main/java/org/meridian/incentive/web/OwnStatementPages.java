package org.meridian.incentive.web;

import java.util.Locale;
import java.util.Map;

import org.meridian.incentive.Explanations;
import org.meridian.incentive.Incentives;
import org.meridian.incentive.Statement;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The channel's own statements (我的结算单) for a channel user: the APPROVED and PAID statements of its own
 * channel, each with its lines and XLSX. Drafts and other channels' statements do not exist here (404).
 */
@Controller
@RequestMapping("/incentives/own")
@PreAuthorize("hasRole('CHANNEL_USER')")
class OwnStatementPages {

    private final Incentives incentives;
    private final Explanations texts;
    private final Hospitals hospitals;

    OwnStatementPages(Incentives incentives, Explanations texts, Hospitals hospitals) {
        this.incentives = incentives;
        this.texts = texts;
        this.hospitals = hospitals;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("activeNav", "own-statements");
        model.addAttribute("statements", incentives.ownStatements());
        return "incentives/own";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model, Locale locale) {
        Statement statement = incentives.ownStatement(id);
        model.addAttribute("activeNav", "own-statements");
        model.addAttribute("ownView", true);
        model.addAttribute("s", statement);
        model.addAttribute("h", statement.header());
        model.addAttribute("zone", hospitals.current().timeZone());
        model.addAttribute("explanations", statement.lines().stream()
                .map(l -> texts.render(l.line().explanation(), locale)).toList());
        model.addAttribute("amount", "");
        model.addAttribute("reason", "");
        model.addAttribute("errors", Map.of());
        for (String flag : new String[] {"canAdjust", "canReview", "canApprove", "canPay", "canCorrect",
                "waitingForOthers"}) {
            model.addAttribute(flag, false);
        }
        return "incentives/statement";
    }

    @GetMapping("/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, Locale locale) {
        Statement s = incentives.ownStatement(id);
        String name = "statement-" + s.header().channelCode() + "-" + s.header().period() + "-"
                + s.header().sequence() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(incentives.ownWorkbook(id, locale));
    }
}
