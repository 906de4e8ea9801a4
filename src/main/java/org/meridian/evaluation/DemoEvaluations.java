package org.meridian.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.meridian.channel.Tier;
import org.meridian.channel.TierCatalogue;
import org.meridian.channel.TierChangeWorkflow;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.security.MeridianUser;
import org.meridian.intake.EventIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: published evaluations of the demo hospital for every month and quarter of the 24 months of
 * demo events that has ended (from the month and quarter of the first demo day to the last completed ones), for
 * every unit type with a scheme and at least one unit to evaluate, run and published as the demo channel office's account ({@code office}) exactly
 * like that person would: from the daily rollups, each publication announced as {@link EvaluationPublished}. The current,
 * incomplete month and quarter stay unevaluated. Then each channel's latest evaluated tier is applied to it
 * through the tier-change workflow (see {@link #applyLatestTiers}). A (period, unit type) that already has an
 * evaluation is left alone, so a restart adds nothing twice.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("meridian.demo")
class DemoEvaluations implements ApplicationRunner {

    static final String ACTOR = "office";
    /** The hospital manager who decides the evaluated downgrades. */
    static final String DECIDER = "manager";
    /** Evaluated downgrades the demo leaves waiting for the manager, so that the manager's workbench has them. */
    static final int DOWNGRADES_LEFT_PENDING = 2;
    /** How far back the demo events go (IntakeDemoData: from the same day two years ago). */
    static final int YEARS_OF_EVENTS = 2;

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluations.class);

    private final EvaluationRuns service;
    private final Evaluations evaluations;
    private final SchemeCatalogue schemes;
    private final EventIntake intake;
    private final Hospitals hospitals;
    private final UserDetailsService users;
    private final TierChangeWorkflow tierChanges;
    private final TierCatalogue tiers;
    private final Clock clock;

    DemoEvaluations(EvaluationRuns service, Evaluations evaluations, SchemeCatalogue schemes, EventIntake intake,
                    Hospitals hospitals, UserDetailsService users, TierChangeWorkflow tierChanges,
                    TierCatalogue tiers, Clock clock) {
        this.service = service;
        this.tierChanges = tierChanges;
        this.tiers = tiers;
        this.users = users;
        this.evaluations = evaluations;
        this.schemes = schemes;
        this.intake = intake;
        this.hospitals = hospitals;
        this.clock = clock;
    }

    /** The ended months, then the ended quarters, from the one holding {@code firstDay}, oldest first. */
    static List<Period> periods(LocalDate firstDay, LocalDate today) {
        List<Period> periods = new ArrayList<>();
        for (Period.Kind kind : List.of(Period.Kind.MONTH, Period.Kind.QUARTER)) {
            for (Period p = Period.containing(kind, firstDay); p.lastDay().isBefore(today); p = p.next()) {
                periods.add(p);
            }
        }
        return periods;
    }

    @Override
    public void run(ApplicationArguments args) {
        Hospital hospital = hospitals.all().get(0);
        long h = hospital.id();
        LocalDate today = LocalDate.now(clock.withZone(hospital.timeZone()));
        LocalDate first = today.minusYears(YEARS_OF_EVENTS);
        if (intake.totals(h, first, today).isEmpty()
                || !(users.loadUserByUsername(ACTOR) instanceof MeridianUser office)) {
            return;
        }
        Actor actor = office.actor();
        long started = System.nanoTime();
        int published = 0;
        for (UnitType type : UnitType.values()) {
            // a unit type without a scheme, or without a unit to evaluate (the institution types of the demo), is
            // left alone rather than published empty
            if (schemes.current(h, type).isEmpty()
                    || service.units(h, type, Period.containing(Period.Kind.MONTH, today)).refs().isEmpty()) {
                continue;
            }
            for (Period period : periods(first, today)) {
                if (evaluations.latest(h, period, type).isPresent()) {
                    continue;
                }
                Evaluation e = service.run(actor, new EvaluationSubject(period, type));
                service.publish(actor, e.id());
                published++;
            }
        }
        if (published > 0) {
            log.info("Demo: {} evaluations published in {} ms", published, (System.nanoTime() - started) / 1_000_000);
            if (users.loadUserByUsername(DECIDER) instanceof MeridianUser manager) {
                applyLatestTiers(actor, manager.actor());
            }
        }
    }

    /**
     * The evaluated tiers applied to the channel register through the tier-change workflow, as the office and a
     * hospital manager do it (so that no channel keeps a tier its evaluations contradict, and sanctions agree with
     * the register): the office applies the tiers of every published evaluation that is some channel's latest
     * (normally the last ended month's of each type; {@link Evaluations#LATEST_FIRST}), oldest first, so each channel
     * ends with the tier of its own latest evaluation. First tiers and upgrades apply at once; the hospital manager
     * ({@value #DECIDER}) approves the downgrades, except {@value #DOWNGRADES_LEFT_PENDING} of channels' latest
     * evaluations left waiting on the manager's workbench (the first by channel code whose new tier is not the
     * lowest, so that none of them hides a termination the sanctions recommend). Unrated and terminated channels
     * keep their tier. Every request and decision is audited by the workflow, in the name of who made it.
     */
    private void applyLatestTiers(Actor office, Actor manager) {
        Map<String, Long> latest = evaluations.latestPublishedOfEachChannel(office.hospitalId());
        List<TierOutcome> waiting = new ArrayList<>();
        for (long id : new java.util.LinkedHashSet<>(latest.values())) {
            for (TierOutcome o : service.applyTiers(office, id)) {
                if (o.outcome() != TierOutcome.Outcome.PENDING) {
                    continue;
                }
                if (Long.valueOf(id).equals(latest.get(o.channel()))) {
                    waiting.add(o);
                } else {
                    approve(manager, o);   // a later evaluation of the channel follows
                }
            }
        }
        String lowest = tiers.tiers(office).stream().max(java.util.Comparator.comparingInt(Tier::rank))
                .map(Tier::code).orElse(null);
        List<TierOutcome> left = waiting.stream().filter(o -> !o.toTier().equals(lowest))
                .sorted(java.util.Comparator.comparing(TierOutcome::channel)).limit(DOWNGRADES_LEFT_PENDING).toList();
        waiting.stream().filter(o -> !left.contains(o)).forEach(o -> approve(manager, o));
    }

    private void approve(Actor manager, TierOutcome downgrade) {
        tierChanges.decide(manager, downgrade.tierChangeId(), true, "同意：按评估结果调整分级");
    }
}
