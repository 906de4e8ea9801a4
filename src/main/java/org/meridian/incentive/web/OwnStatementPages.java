package org.meridian.incentive.web;

import java.util.Locale;

import org.meridian.incentive.StatementWorkflow;
import org.meridian.shared.Actor;
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

    private final StatementWorkflow statements;
    private final StatementDetail detail;

    OwnStatementPages(StatementWorkflow statements, StatementDetail detail) {
        this.statements = statements;
        this.detail = detail;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("activeNav", "own-statements");
        model.addAttribute("statements", statements.ownStatements(actor));
        return "incentives/own";
    }

    @GetMapping("/{id}")
    String one(Actor actor, @PathVariable long id, Model model, Locale locale) {
        model.addAttribute("activeNav", "own-statements");
        detail.show(statements.ownStatement(actor, id), model, locale);
        return "incentives/own-statement";
    }

    @GetMapping("/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(Actor actor, @PathVariable long id, Locale locale) {
        return StatementDetail.download(statements.ownStatement(actor, id), statements.ownWorkbook(actor, id, locale));
    }
}
