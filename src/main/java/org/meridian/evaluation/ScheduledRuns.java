package org.meridian.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.meridian.indicator.SchemeCatalogue;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.HospitalSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Draft runs at period end (期末自动试算): shortly after local midnight ({@link HospitalSchedule}), for every hospital
 * whose local date has just moved past the end of a month (and so perhaps a quarter, half year or year), the drafts of
 * those periods are run for every unit type with a scheme, by the system actor {@code system:scheduler}. A period that
 * already has a published version is left alone (a correction is a person's decision); an existing draft is re-run.
 * Nothing is published.
 */
@Component
class ScheduledRuns {

    /** Who runs them: Meridian itself, never a person. */
    static final String ACTOR = "scheduler";
    static final int HOUR = 1;

    private final EvaluationRuns evaluations;
    private final Evaluations stored;
    private final SchemeCatalogue schemes;
    private final HospitalSchedule schedule;
    private final boolean enabled;

    ScheduledRuns(EvaluationRuns evaluations, Evaluations stored, SchemeCatalogue schemes, HospitalSchedule schedule,
                  @Value("${meridian.evaluation.scheduled-runs:true}") boolean enabled) {
        this.evaluations = evaluations;
        this.stored = stored;
        this.schemes = schemes;
        this.schedule = schedule;
        this.enabled = enabled;
    }

    /** Every hour at minute 20: hospitals for which it is now between 01:00 and 01:59 local time. */
    @Scheduled(cron = "0 20 * * * *")
    void atPeriodEnd() {
        if (enabled) {
            schedule.daily(HOUR, ACTOR, (actor, today) -> runEnded(actor.hospitalId(), today));
        }
    }

    /** The periods that ended on the day before {@code today}: the month, and the quarter, half and year if so. */
    static List<Period> endedBefore(LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        List<Period> ended = new ArrayList<>();
        for (Period.Kind kind : Period.Kind.values()) {
            Period p = Period.containing(kind, yesterday);
            if (p.lastDay().equals(yesterday)) {
                ended.add(p);
            }
        }
        return ended;
    }

    /** Runs the drafts of the periods that ended before {@code today}; returns what was run. */
    List<Evaluation> runEnded(long hospitalId, LocalDate today) {
        List<Evaluation> ran = new ArrayList<>();
        for (Period p : endedBefore(today)) {
            for (UnitType type : schemes.currentAll(hospitalId).keySet()) {
                boolean published = stored.latest(hospitalId, p, type).map(Evaluation::published).orElse(false);
                if (!published) {
                    ran.add(evaluations.run(Actor.system(hospitalId, ACTOR), new EvaluationSubject(p, type)));
                }
            }
        }
        return ran;
    }
}
