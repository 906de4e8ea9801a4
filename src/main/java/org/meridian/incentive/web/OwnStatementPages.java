package org.meridian.incentive.web;

import java.util.Locale;

import org.meridian.incentive.Incentives;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The channel's own statements (我的结算单) for a channel user: the APPROVED and PAID statements of its own
 * channel, each with its lines and XLSX, read only. Drafts and other channels' statements do not exist here (404).
 */
@Controller
@RequestMapping("/incentives/own")
@PreAuthorize("hasRole('CHANNEL_USER')")
class OwnStatementPages {

    private final Incentives incentives;
    private final StatementDetail detail;

    OwnStatementPages(Incentives incentives, StatementDetail detail) {
        this.incentives = incentives;
        this.detail = detail;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("activeNav", "own-statements");
        model.addAttribute("statements", incentives.ownStatements());
        return "incentives/own";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("activeNav", "own-statements");
        detail.show(incentives.ownStatement(id), model, locale);
        return "incentives/own-statement";
    }

    @GetMapping("/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, Locale locale) {
        return StatementDetail.download(incentives.ownStatement(id), incentives.ownWorkbook(id, locale));
    }
}
