package org.meridian.feedback;

import java.time.Clock;
import java.util.List;

import org.meridian.shared.security.Accounts;
import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, after the demo evaluations (order 50): every published evaluation gets its feedback reports
 * (those published during start-up already have them; this catches any other), and the demo channel user
 * {@code partner} has read its channel's reports: the newest is still unread (generated), the one before viewed but
 * not acknowledged, all older ones acknowledged — so the demo shows each delivery status. Does nothing to the
 * partner's reports once any of them was viewed.
 */
@Component
@Order(55)
@ConditionalOnBooleanProperty("meridian.demo")
class FeedbackDemoData implements ApplicationRunner {

    static final String PARTNER = "partner";

    private final FeedbackReporting reports;
    private final Hospitals hospitals;
    private final Accounts accounts;
    private final Clock clock;

    FeedbackDemoData(FeedbackReporting reports, Hospitals hospitals, Accounts accounts, Clock clock) {
        this.reports = reports;
        this.hospitals = hospitals;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Hospital h : hospitals.all()) {
            reports.generateMissing(Actor.system(h.id(), "demo"));
        }
        accounts.loadForSignIn(PARTNER, clock.instant())
                .map(MeridianUser::actor)
                .filter(FeedbackVisibility::channelUser)
                .ifPresent(this::partnerReads);
    }

    private void partnerReads(Actor partner) {
        List<FeedbackReport> mine = reports.mine(partner);
        if (mine.isEmpty() || mine.stream().anyMatch(r -> r.viewedAt() != null)) {
            return;
        }
        if (mine.size() > 1) {
            reports.open(partner, mine.get(1).id());
        }
        for (FeedbackReport older : mine.subList(Math.min(2, mine.size()), mine.size())) {
            reports.acknowledge(partner, older.id());
        }
    }
}
