package org.meridian.incentive.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.meridian.incentive.RuleBook;
import org.meridian.incentive.Sanction;
import org.meridian.incentive.SanctionWorkflow;
import org.meridian.incentive.StatementWorkflow;
import org.meridian.incentive.WaitingStatement;
import org.meridian.incentive.statements.StatementStatus;
import org.meridian.shared.Actor;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The incentive module's to-do items (待办), each where it is done:
 * <ul>
 * <li>{@code incentive.statementReview} — statements to review (结算单待复核), for the channel office;</li>
 * <li>{@code incentive.statementApproval} — reviewed statements to approve (结算单待审批), for hospital managers;</li>
 * <li>statements are listed one item per period and step: a period with one statement waiting gives that
 *     statement's item (its channel, total, a link to it); a period with more gives one item
 *     (「2026-10：151 份结算单待复核（合计 …元）」) linking to the statement list filtered by that period and status,
 *     since when the oldest of them waits — a publication drafts a statement for every scored channel, and a
 *     hundred items of one kind hid everything else in the inbox;</li>
 * <li>{@code incentive.signOff} — rules held back by the compliance guard (规则待合规签批), for hospital managers;</li>
 * <li>{@code incentive.termination} — termination recommendations to decide (终止合作待决定), for hospital managers.</li>
 * </ul>
 * Who gets which, and that nobody is given what they prepared or saved, is the facades' ({@link
 * StatementWorkflow#waitingFor}, {@link RuleBook#awaitingSignOff}, {@link SanctionWorkflow#awaitingDecision}); an
 * item leaves once its step is taken.
 */
@Component
class IncentiveWork implements WorkItems {

    static final String REVIEW = "incentive.statementReview";
    static final String APPROVAL = "incentive.statementApproval";
    static final String SIGN_OFF = "incentive.signOff";
    static final String TERMINATION = "incentive.termination";

    private final StatementWorkflow statements;
    private final RuleBook rules;
    private final SanctionWorkflow sanctions;

    IncentiveWork(StatementWorkflow statements, RuleBook rules, SanctionWorkflow sanctions) {
        this.statements = statements;
        this.rules = rules;
        this.sanctions = sanctions;
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        List<WorkItem> items = new ArrayList<>();
        Map<Step, List<WaitingStatement>> byStep = statements.waitingFor(actor).stream()
                .collect(Collectors.groupingBy(w -> new Step(w.toApprove(), w.header().period()), LinkedHashMap::new,
                        Collectors.toList()));
        byStep.values().forEach(waiting -> items.add(waiting.size() == 1 ? item(waiting.get(0)) : item(waiting)));
        rules.awaitingSignOff(actor).forEach(r -> items.add(new WorkItem(SIGN_OFF, "incentive.work.signOff",
                "incentive.work.signOffText", List.of(r.name(), r.code(), String.valueOf(r.version())),
                "/incentives#rule-" + r.id(), r.createdAt())));
        List<Sanction> pending = sanctions.awaitingDecision(actor);
        if (!pending.isEmpty()) {
            Map<String, String> names = statements.channelNames(actor,
                    pending.stream().map(Sanction::channelCode).distinct().toList());
            pending.forEach(s -> items.add(new WorkItem(TERMINATION, "incentive.work.termination",
                    "incentive.work.terminationText", List.of(names.getOrDefault(s.channelCode(), s.channelCode()),
                            s.period(), String.valueOf(s.streak())),
                    "/incentives#sanction-" + s.id(), s.createdAt())));
        }
        return items;
    }

    /** A statement's next step (review or approval) in its period: the statements that share one are one item. */
    private record Step(boolean approve, String period) {
    }

    /** One statement waiting for its step. */
    private static WorkItem item(WaitingStatement w) {
        var h = w.header();
        return new WorkItem(w.toApprove() ? APPROVAL : REVIEW,
                w.toApprove() ? "incentive.work.statementApproval" : "incentive.work.statementReview",
                h.sequence() > 1 ? "incentive.work.correctionText" : "incentive.work.statementText",
                List.of(w.channelName(), h.period(), yuan(w.total()), String.valueOf(h.sequence())),
                "/incentives/statements/" + h.id(), w.since());
    }

    /** Statements of one period waiting for the same step: one item, to the list of them. */
    private static WorkItem item(List<WaitingStatement> waiting) {
        WaitingStatement first = waiting.get(0);
        boolean approve = first.toApprove();
        String period = first.header().period();
        BigDecimal total = waiting.stream().map(WaitingStatement::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant since = waiting.stream().map(WaitingStatement::since).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        String href = UriComponentsBuilder.fromPath("/incentives").queryParam("period", period)
                .queryParam("status", approve ? StatementStatus.REVIEWED.name() : StatementStatus.DRAFT.name())
                .fragment("statement-list").encode().toUriString();
        return new WorkItem(approve ? APPROVAL : REVIEW,
                approve ? "incentive.work.statementApproval" : "incentive.work.statementReview",
                approve ? "incentive.work.statementsToApprove" : "incentive.work.statementsToReview",
                List.of(period, String.valueOf(waiting.size()), yuan(total)), href, since);
    }

    /** An amount in yuan as people write it: 1,200.00. */
    private static String yuan(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
