package org.meridian.intake;

import java.io.PrintStream;
import java.util.List;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.shared.Actor;
import org.meridian.shared.tenant.Hospital;
import org.springframework.stereotype.Component;

/**
 * The rollup check (汇总核对) as a command: {@code java -jar meridian.jar --check-rollups} checks every
 * hospital, prints one line per hospital and one per difference, and exits with status 1 when any
 * rollup differs from what the events say or an event names an import that does not exist (0 when all are
 * exact). See {@link RollupCheckRunner}.
 */
@Component
class RollupCheckCommand {

    private final EventIntake intake;
    private final ChannelRegistry registry;

    RollupCheckCommand(EventIntake intake, ChannelRegistry registry) {
        this.intake = intake;
        this.registry = registry;
    }

    /** Checks the hospitals, prints the outcome to {@code out}; answers the exit status (0 exact, 1 otherwise). */
    int run(List<Hospital> hospitals, PrintStream out) {
        int differences = 0;
        for (Hospital hospital : hospitals) {
            long started = System.nanoTime();
            List<EventIntake.RollupDifference> found = intake.checkRollups(hospital.id());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (found.isEmpty()) {
                out.printf("Hospital %s %s: rollups exact (%d ms)%n", hospital.code(), hospital.name(), millis);
            } else {
                out.printf("Hospital %s %s: %d difference(s) (%d ms)%n", hospital.code(), hospital.name(),
                        found.size(), millis);
                for (EventIntake.RollupDifference d : found) {
                    String unit = registry.find(Actor.system(hospital.id(), "rollup-check"), d.channelId()).map(ChannelRef::code)
                            .orElse("#" + d.channelId());
                    String when = d.grain() == EventIntake.Grain.MONTH
                            ? "month " + d.date().toString().substring(0, 7) : d.date().toString();
                    out.printf("  %s %s %s: stored %s, recomputed %s%n", unit, when, d.measure().key(),
                            d.stored().stripTrailingZeros().toPlainString(),
                            d.recomputed().stripTrailingZeros().toPlainString());
                }
            }
            long orphans = intake.eventsOfUnknownImports(hospital.id());
            if (orphans > 0) {
                out.printf("  %d event(s) name an import that does not exist%n", orphans);
            }
            differences += found.size() + (int) Math.min(orphans, Integer.MAX_VALUE);
        }
        out.flush();
        return differences == 0 ? 0 : 1;
    }
}
