package org.meridian.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
 * incomplete month and quarter stay unevaluated. A (period, unit type) that already has an evaluation is left
 * alone, so a restart adds nothing twice.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("meridian.demo")
class DemoEvaluations implements ApplicationRunner {

    static final String ACTOR = "office";
    /** How far back the demo events go (IntakeDemoData: from the same day two years ago). */
    static final int YEARS_OF_EVENTS = 2;

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluations.class);

    private final EvaluationRuns service;
    private final Evaluations evaluations;
    private final SchemeCatalogue schemes;
    private final EventIntake intake;
    private final Hospitals hospitals;
    private final UserDetailsService users;
    private final Clock clock;

    DemoEvaluations(EvaluationRuns service, Evaluations evaluations, SchemeCatalogue schemes, EventIntake intake,
                    Hospitals hospitals, UserDetailsService users, Clock clock) {
        this.service = service;
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
        }
    }
}
