package org.meridian.incentive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.PublicationConsequences;
import org.meridian.incentive.statements.StatementStatus;
import org.meridian.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What publishing an evaluation would do to the statements of its period and unit type, as the drafting on publication
 * ({@link EvaluationDrafting}) will do it: each current DRAFT is superseded and drafted again (its adjustment lines
 * carried over), and a REVIEWED, APPROVED or PAID statement is never changed — a correcting draft follows when the new
 * result pays differently. A hospital without incentive rules drafts nothing, so nothing is said.
 */
@Component
class StatementsOnPublication implements PublicationConsequences {

    private final Statements statements;
    private final IncentiveRules rules;
    private final StatementWorkflow workflow;
    private final MessageSource messages;

    StatementsOnPublication(Statements statements, IncentiveRules rules, StatementWorkflow workflow,
                            MessageSource messages) {
        this.statements = statements;
        this.rules = rules;
        this.workflow = workflow;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Consequence> of(Actor actor, Evaluation draft, Optional<Evaluation> replaced, Locale locale) {
        long h = actor.hospitalId();
        if (rules.all(h).isEmpty()) {
            return List.of();
        }
        List<StatementSummary> current = statements.list(h, draft.period().toString(), null, null).stream()
                .filter(s -> draft.unitType().name().equals(s.unitType())).toList();
        if (current.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = workflow.channelNames(actor, current.stream().map(StatementSummary::channelCode)
                .distinct().toList());
        List<String> drafts = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (StatementSummary s : current) {
            String item = messages.getMessage("incentive.preview.item", new Object[] {
                    names.getOrDefault(s.channelCode(), s.channelCode()), s.channelCode(), String.valueOf(s.id()),
                    messages.getMessage("incentive.status." + s.status().name(), null, locale)}, locale);
            (s.status() == StatementStatus.DRAFT ? drafts : kept).add(item);
        }
        List<Consequence> out = new ArrayList<>();
        if (!drafts.isEmpty()) {
            out.add(new Consequence("preview-statements-redrafted", "incentive.preview.redrafted", drafts));
        }
        if (!kept.isEmpty()) {
            out.add(new Consequence("preview-statements-kept", "incentive.preview.kept", kept));
        }
        return out;
    }
}
