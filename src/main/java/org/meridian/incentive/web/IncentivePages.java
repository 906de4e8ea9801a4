package org.meridian.incentive.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.meridian.incentive.Explanations;
import org.meridian.incentive.RuleBook;
import org.meridian.incentive.SanctionWorkflow;
import org.meridian.incentive.Sanction;
import org.meridian.incentive.Statement;
import org.meridian.incentive.StatementFilter;
import org.meridian.incentive.StatementSummary;
import org.meridian.incentive.StatementWorkflow;
import org.meridian.incentive.StoredRule;
import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.incentive.rules.ManualAdjustment;
import org.meridian.incentive.rules.PeriodText;
import org.meridian.shared.Enums;
import org.meridian.shared.Period;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.shared.problem.Problem;
import org.meridian.incentive.statements.StatementHeader;
import org.meridian.incentive.statements.StatementStatus;
import org.meridian.incentive.statements.WorkflowForbidden;
import org.meridian.incentive.statements.WorkflowRefusal;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incentive pages: rules with their compliance flag and sign-off, statements with the four-eyes
 * workflow buttons, adjustments and the XLSX download. Rules are written on the rule builder ({@link RuleBuilderPages}).
 */
@Controller
@RequestMapping("/incentives")
@PreAuthorize("hasRole('ANALYST')")
class IncentivePages {

    private final RuleBook rules;
    private final StatementWorkflow statements;
    private final SanctionWorkflow sanctions;
    private final Explanations texts;
    private final Hospitals hospitals;
    private final StatementDetail detail;
    private final Clock clock;

    IncentivePages(RuleBook rules, StatementWorkflow statements, SanctionWorkflow sanctions, Explanations texts,
                   Hospitals hospitals, StatementDetail detail, Clock clock) {
        this.rules = rules;
        this.statements = statements;
        this.sanctions = sanctions;
        this.clock = clock;
        this.texts = texts;
        this.hospitals = hospitals;
        this.detail = detail;
    }

    /** A rule as a row of the rules table. */
    record RuleRow(StoredRule rule, String content) {
    }

    /** Statements on a page; more in the list are reached by its pager. */
    static final int PAGE_SIZE = 20;

    @GetMapping
    String overview(@RequestParam(required = false) String period, @RequestParam(required = false) String channel,
                    @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                    Actor actor, Model model, Locale locale) {
        model.addAttribute("filter", new StatementFilter(period, channel, statementStatus(status), page));
        return overviewPage(actor, model, locale, PrepareForm.empty(), Map.of(), null, Map.of());
    }

    /** Every sanction of the hospital, paged and filtered by channel and status. */
    @GetMapping("/sanctions")
    String sanctionList(@RequestParam(required = false) String channel, @RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        String wanted = status == null || status.isBlank() || !SANCTION_STATUSES.contains(status.strip())
                ? null : status.strip();
        var result = sanctions.sanctions(actor, channel, wanted, page, PAGE_SIZE);
        model.addAttribute("activeNav", "incentives");
        model.addAttribute("result", result);
        model.addAttribute("channel", channel == null ? "" : channel.strip());
        model.addAttribute("status", wanted == null ? "" : wanted);
        model.addAttribute("statuses", SANCTION_STATUSES);
        model.addAttribute("channelNames", statements.channelNames(actor,
                result.items().stream().map(Sanction::channelCode).distinct().toList()));
        model.addAttribute("isManager", manager(actor));
        model.addAttribute("sanctionErrors", Map.of());
        return "incentives/sanctions";
    }

    static final List<String> SANCTION_STATUSES = List.of("PENDING", "APPLIED", "NOTED", "TERMINATED", "DECLINED",
            "UNCHANGED", "SUPERSEDED", "RETIRED");

    /** A status of the filter; anything else (a hand-edited address) shows every status. */
    private static StatementStatus statementStatus(String status) {
        return Enums.named(StatementStatus.class, status, () -> null);
    }

    @PostMapping("/templates")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String installTemplates(Actor actor, RedirectAttributes redirect) {
        int year = LocalDate.now(clock.withZone(hospitals.current().timeZone())).getYear();
        int count = rules.installTemplates(actor, LocalDate.of(year, 1, 1)).size();
        redirect.addFlashAttribute("successKey", "incentive.flash.templates");
        redirect.addFlashAttribute("successArg", count);
        return "redirect:/incentives";
    }

    @PostMapping("/rules/{id}/sign-off")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String signOff(@PathVariable long id, @RequestParam(defaultValue = "") String justification,
                   Actor actor, Model model, Locale locale,
                   RedirectAttributes redirect) {
        try {
            StoredRule rule = rules.signOff(actor, id, justification);
            redirect.addFlashAttribute("successKey", "incentive.flash.signedOff");
            redirect.addFlashAttribute("successArg",
                    texts.message("incentive.rule.versioned", locale, rule.code(), rule.version()));
            return "redirect:/incentives";
        } catch (InvalidIncentiveException e) {
            return overviewPage(actor, model, locale, PrepareForm.empty(), Map.of(), null,
                    Map.of(id, errorText(e.problems().get(0), locale)));
        } catch (WorkflowRefusal | WorkflowForbidden e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            return "redirect:/incentives";
        }
    }

    @PostMapping("/statements")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String prepare(PrepareForm form, Actor actor, Model model, Locale locale) {
        List<Problem> problems = new ArrayList<>();
        Period period = PeriodText.read(form.period(), "period", problems).orElse(null);
        if (form.channelCode() == null || form.channelCode().isBlank() || period == null) {
            problems.addAll(statements.channelProblems(actor, form.channelCode(), null));
        }
        if (!problems.isEmpty()) {
            return overviewPage(actor, model, locale, form, errors(problems, locale), null, Map.of());
        }
        try {
            Statement statement = statements.prepareByHand(actor, period, form.channelCode());
            return "redirect:/incentives/statements/" + statement.header().id();
        } catch (InvalidIncentiveException e) {
            return overviewPage(actor, model, locale, form, errors(e.problems(), locale), null, Map.of());
        } catch (WorkflowRefusal | WorkflowForbidden e) {
            return overviewPage(actor, model, locale, form, Map.of(), e.messageKey(), Map.of());
        }
    }

    @GetMapping("/statements/{id}")
    String statement(@PathVariable long id, Actor actor, Model model, Locale locale) {
        return statementPage(statements.statement(actor, id), actor, model, locale, "", "", Map.of());
    }

    @PostMapping("/statements/{id}/adjustments")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String adjust(@PathVariable long id, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(defaultValue = "") String reason, Actor actor,
                  Model model, Locale locale, RedirectAttributes redirect) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal value = decimal(amount, "amount", problems);
        if (value == null && problems.isEmpty()) {
            problems.add(Problem.of("amount", "incentive.error.amount"));
        }
        ManualAdjustment adjustment = null;
        try {
            adjustment = new ManualAdjustment(value == null ? BigDecimal.ONE : value, reason);
        } catch (InvalidIncentiveException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            return statementPage(statements.statement(actor, id), actor, model, locale, amount, reason,
                    errors(problems, locale));
        }
        try {
            statements.addAdjustment(actor, id, adjustment);
            redirect.addFlashAttribute("successKey", "incentive.flash.adjusted");
        } catch (WorkflowRefusal | WorkflowForbidden e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/incentives/statements/" + id;
    }

    @PostMapping("/statements/{id}/review")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String review(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return step(id, () -> statements.review(actor, id), "incentive.flash.reviewed", redirect);
    }

    @PostMapping("/statements/{id}/approve")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return step(id, () -> statements.approve(actor, id), "incentive.flash.approved", redirect);
    }

    @PostMapping("/statements/{id}/pay")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String pay(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return step(id, () -> statements.pay(actor, id), "incentive.flash.paid", redirect);
    }

    @PostMapping("/statements/{id}/corrections")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    String correct(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            Statement correction = statements.correct(actor, id);
            redirect.addFlashAttribute("successKey", "incentive.flash.correction");
            return "redirect:/incentives/statements/" + correction.header().id();
        } catch (WorkflowRefusal | WorkflowForbidden e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            return "redirect:/incentives/statements/" + id;
        }
    }

    @PostMapping("/sanctions/{id}/decision")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    String decide(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String note, Actor actor, Model model,
                  Locale locale, RedirectAttributes redirect) {
        try {
            sanctions.decide(actor, id, "terminate".equals(decision), note);
            redirect.addFlashAttribute("successKey", "terminate".equals(decision)
                    ? "incentive.flash.terminated" : "incentive.flash.declined");
            redirect.addFlashAttribute("successArg", sanctions.sanction(actor, id).channelCode());
            return "redirect:/incentives#sanctions";
        } catch (InvalidIncentiveException e) {
            model.addAttribute("sanctionErrors", Map.of(id, errorText(e.problems().get(0), locale)));
            return overviewPage(actor, model, locale, PrepareForm.empty(), Map.of(), null, Map.of());
        } catch (WorkflowRefusal | WorkflowForbidden e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            return "redirect:/incentives#sanctions";
        }
    }

    @GetMapping("/statements/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(Actor actor, @PathVariable long id, Locale locale) {
        return StatementDetail.download(statements.statement(actor, id), statements.workbook(actor, id, locale));
    }

    private String step(long id, Runnable action, String successKey, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("successKey", successKey);
        } catch (WorkflowRefusal | WorkflowForbidden e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/incentives/statements/" + id;
    }

    private String overviewPage(Actor actor, Model model, Locale locale, PrepareForm form,
                                Map<String, String> formErrors, String formRefusalKey, Map<Long, String> signOffErrors) {
        model.addAttribute("activeNav", "incentives");
        model.addAttribute("rules", rules.rules(actor).stream().map(r -> new RuleRow(r, describe(r, locale))).toList());
        StatementFilter filter = model.getAttribute("filter") instanceof StatementFilter f ? f : StatementFilter.none();
        model.addAttribute("filter", filter);
        var page = statements.statements(actor, filter, PAGE_SIZE);
        var pending = sanctions.pending(actor);
        model.addAttribute("statements", page);
        model.addAttribute("periods", statements.statementPeriods(actor));
        model.addAttribute("statuses", java.util.Arrays.stream(StatementStatus.values()).map(Enum::name).toList());
        model.addAttribute("channelNames", statements.channelNames(actor, java.util.stream.Stream.concat(
                page.items().stream().map(StatementSummary::channelCode),
                pending.stream().map(Sanction::channelCode)).distinct().toList()));
        model.addAttribute("form", form);
        model.addAttribute("errors", formErrors);
        model.addAttribute("formRefusalKey", formRefusalKey);
        model.addAttribute("signOffErrors", signOffErrors);
        model.addAttribute("unitTypes", UnitType.channelTypes());
        model.addAttribute("isOffice", office(actor));
        model.addAttribute("isManager", manager(actor));
        model.addAttribute("sanctions", pending);
        if (!model.containsAttribute("sanctionErrors")) {
            model.addAttribute("sanctionErrors", Map.of());
        }
        return "incentives/overview";
    }

    private String statementPage(Statement statement, Actor actor, Model model, Locale locale, String amount,
                                 String reason, Map<String, String> errors) {
        var h = statement.header();
        boolean preparer = actor.username().equals(h.preparedBy());
        boolean reviewerOfSystemDraft = StatementHeader.SYSTEM.equals(h.preparedBy())
                && actor.username().equals(h.reviewedBy());
        model.addAttribute("activeNav", "incentives");
        detail.show(statement, model, locale);
        model.addAttribute("amount", amount);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("canAdjust", office(actor) && h.status() == StatementStatus.DRAFT);
        model.addAttribute("canReview", office(actor) && h.status() == StatementStatus.DRAFT && !preparer);
        model.addAttribute("canApprove", manager(actor) && h.status() == StatementStatus.REVIEWED && !preparer
                && !reviewerOfSystemDraft);
        model.addAttribute("canPay", manager(actor) && h.status() == StatementStatus.APPROVED);
        model.addAttribute("canCorrect", office(actor) && (h.status() == StatementStatus.APPROVED
                || h.status() == StatementStatus.PAID));
        model.addAttribute("waitingForOthers", preparer && (h.status() == StatementStatus.DRAFT
                || h.status() == StatementStatus.REVIEWED)
                || reviewerOfSystemDraft && h.status() == StatementStatus.REVIEWED);
        return "incentives/statement";
    }

    private String describe(StoredRule stored, Locale locale) {
        RuleDefinition d = stored.definition();
        return switch (stored.type()) {
            case FEE -> texts.message("incentive.describe.fee", locale,
                    "MEASURE".equalsIgnoreCase(d.baseKind())
                            ? texts.message("rollups.measure." + d.baseMeasure(), locale) : plain(d.baseAmount()),
                    "SCORE_BAND".equalsIgnoreCase(d.rateBy()) ? bands(d) : byTier(d.tierRates()),
                    d.cap() == null ? "—" : plain(d.cap()));
            case AWARD -> texts.message("incentive.describe.award", locale, d.topN(),
                    texts.message("incentive.awardPeriod." + String.valueOf(d.awardPeriod()).toUpperCase(Locale.ROOT),
                            locale),
                    d.awardAmount() != null ? plain(d.awardAmount()) + " CNY" : d.awardInKind());
            case PRIORITY -> texts.message("incentive.describe.priority", locale, d.benefit(),
                    byTier(d.tierQuotas()));
            case SANCTION -> texts.message("incentive.describe.sanction", locale,
                    d.lowestTier() == null ? "D" : d.lowestTier());
            case ADJUSTMENT -> "";
        };
    }

    private static String byTier(Map<String, ?> values) {
        if (values == null) {
            return "—";
        }
        return values.entrySet().stream().map(e -> e.getKey() + " " + (e.getValue() instanceof BigDecimal b
                ? b.toPlainString() : String.valueOf(e.getValue()))).reduce((a, b) -> a + " · " + b).orElse("—");
    }

    private static String bands(RuleDefinition d) {
        return d.scoreBands() == null ? "[]" : d.scoreBands().stream()
                .map(b -> b + " → " + plain(b.rate())).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    private Map<String, String> errors(List<Problem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem v : problems) {
            errors.putIfAbsent(v.path(), errorText(v, locale));
        }
        return errors;
    }

    private String errorText(Problem problem, Locale locale) {
        return texts.problem(problem, locale);
    }

    private static BigDecimal decimal(String text, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "incentive.error." + field));
            return null;
        }
    }

    private static boolean manager(Actor actor) {
        return actor.has(Role.HOSPITAL_MANAGER);
    }

    private static boolean office(Actor actor) {
        return actor.has(Role.CHANNEL_MANAGER);
    }
}
