package org.meridian.notification;

import java.util.Set;
import java.util.stream.Collectors;

import org.meridian.evaluation.EvaluationPublished;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.shared.Actor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An evaluation was published: the office and the evaluated channels' users are told ({@link PublicationAudience}).
 * Delivered again, it creates nothing twice (one notification per recipient, kind and evaluation).
 */
@Component
class NotificationsOnPublication {

    private final AudienceDelivery delivery;
    private final EvaluationResults evaluations;

    NotificationsOnPublication(AudienceDelivery delivery, EvaluationResults evaluations) {
        this.delivery = delivery;
        this.evaluations = evaluations;
    }

    @ApplicationModuleListener
    void on(EvaluationPublished published) {
        long h = published.hospitalId();
        // a channel's users hear of evaluations of channels only; a department's id is no channel's
        Set<Long> evaluated = published.unitType().kind() != org.meridian.shared.UnitKind.CHANNEL ? Set.of()
                : evaluations.allScorecards(Actor.system(h, "notification"), published.evaluationId()).stream()
                .map(UnitScorecard::channelId).collect(Collectors.toSet());
        delivery.deliver(h, published, (e, accounts) -> PublicationAudience.of(e, accounts, evaluated));
    }
}
