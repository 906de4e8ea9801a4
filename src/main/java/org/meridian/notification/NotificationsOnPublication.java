package org.meridian.notification;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.meridian.evaluation.EvaluationPublished;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Accounts;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An evaluation was published: the office and the evaluated channels' users are told ({@link PublicationAudience}).
 * Delivered again, it creates nothing twice (one notification per recipient, kind and evaluation).
 */
@Component
class NotificationsOnPublication {

    private final Inbox inbox;
    private final EvaluationResults evaluations;
    private final Accounts accounts;
    private final Clock clock;

    NotificationsOnPublication(Inbox inbox, EvaluationResults evaluations, Accounts accounts, Clock clock) {
        this.inbox = inbox;
        this.evaluations = evaluations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EvaluationPublished published) {
        long h = published.hospitalId();
        // a channel's users hear of evaluations of channels only; a department's id is no channel's
        Set<Long> evaluated = published.unitType().kind() != org.meridian.shared.UnitKind.CHANNEL ? Set.of()
                : evaluations.allScorecards(Actor.system(h, "notification"), published.evaluationId()).stream()
                .map(UnitScorecard::channelId).collect(Collectors.toSet());
        inbox.deliver(h, PublicationAudience.of(published, accounts.list(h, clock.instant()), evaluated));
    }
}
