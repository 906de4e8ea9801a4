package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo mode (the same context as {@code DemoModeTest}): two years of events with the patterns a demo needs. */
@MeridianDemoTest
class IntakeDemoDataTest {

    @Autowired EventIntake intake;
    @Autowired Hospitals hospitals;
    @Autowired IntakeDemoData demo;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Hospital hospital() {
        return hospitals.all().get(0);
    }

    /** The senders and plan the demo load used (it ran at this context's start, on the test clock's day). */
    private IntakeDemoData.Loaded loaded() {
        assertThat(demo.loaded()).as("the demo data was loaded by this context").isNotNull();
        return demo.loaded();
    }

    private IntakeDemoData.Plan plan() {
        return loaded().plan();
    }

    @Test
    void theQuietChannelHasNoEventInItsLastSixWeeksButHadManyBefore() {
        long h = hospital().id();
        IntakeDemoData.Plan plan = plan();
        assertThat(plan.quiet()).isNotNull();
        assertThat(intake.totals(h, plan.quietFrom(), plan.last())).doesNotContainKey(plan.quiet().id());
        assertThat(intake.daily(h, plan.quiet().id(), plan.quietFrom(), plan.last())).isEmpty();
        assertThat(intake.totals(h, plan.first(), plan.quietFrom().minusDays(1)).get(plan.quiet().id())
                .get(Measure.REFERRALS)).isGreaterThan(BigDecimal.valueOf(100));
        // every other sender was busy in the same six weeks
        assertThat(intake.totals(h, plan.quietFrom(), plan.last())).hasSizeGreaterThan(40);
    }

    @Test
    void theBurstChannelsReferralsPerArrivalStandOutInItsWeek() {
        long h = hospital().id();
        IntakeDemoData.Plan plan = plan();
        Map<Long, Map<Measure, BigDecimal>> week = intake.totals(h, plan.burstFrom(), plan.burstTo());
        double burst = ratio(week.get(plan.burst().id()));
        long referrals = week.values().stream().mapToLong(m -> m.get(Measure.REFERRALS).longValue()).sum();
        long arrivals = week.values().stream().mapToLong(m -> m.get(Measure.ARRIVALS).longValue()).sum();
        assertThat(burst).isGreaterThan(10).isGreaterThan(4.0 * referrals / arrivals);
        week.forEach((channel, m) -> {
            if (channel != plan.burst().id() && m.get(Measure.REFERRALS).intValue() >= 5) {
                assertThat(ratio(m)).as("channel %d", channel).isLessThan(burst);
            }
        });
        // the same channel behaved normally in the week before
        double before = ratio(intake.totals(h, plan.burstFrom().minusDays(7), plan.burstFrom().minusDays(1))
                .get(plan.burst().id()));
        assertThat(before).isLessThan(burst / 5);
    }

    @Test
    void monthlyTotalsDipAtSpringFestival2026() {
        long h = hospital().id();
        double january = perDay(h, YearMonth.of(2026, 1));
        double february = perDay(h, YearMonth.of(2026, 2));
        double march = perDay(h, YearMonth.of(2026, 3));
        assertThat(february).isLessThan(0.8 * january).isLessThan(0.8 * march);
    }

    @Test
    void everyGeneratedEventWasAcceptedByIntakeUpToYesterday() {
        long h = hospital().id();
        IntakeDemoData.Plan plan = plan();
        List<RawEvent> generated = IntakeDemoData.generate(loaded().senders(), plan, hospital().timeZone());
        long referrals = generated.stream().filter(e -> e.type().equals("REFERRAL")).count();
        long surveys = generated.stream().filter(e -> e.type().equals("SURVEY")).count();
        Map<Long, Map<Measure, BigDecimal>> all = intake.totals(h, plan.first(), plan.last());
        assertThat(all.values().stream().mapToLong(m -> m.get(Measure.REFERRALS).longValue()).sum())
                .isEqualTo(referrals);
        assertThat(all.values().stream().mapToLong(m -> m.get(Measure.SURVEY_COUNT).longValue()).sum())
                .isEqualTo(surveys);
        assertThat(generated.size()).isBetween(80_000, 250_000);
        // nothing generated for today: today has only the steps of the referral demo (ReferralDemoData), taken
        // through the portal's workflow at start-up for CH-001 — 6 referrals; ACCEPTED from the accepted, the two
        // scheduled without an earlier acceptance and the converted one = 4; arrivals: the arrived and the converted
        // = 2; 1 conversion; FEEDBACK from the converted and the declined = 2. Then the green channel
        // (ReferralDemoData.greenChannel): CH-001's tier D has no slots, so the scheduled one above was booked
        // normally and the demo gives D 3 slots a month; 3 referrals booked on the green channel (booking records
        // ACCEPTED), the first two arrived; one more referral accepted and held over the quota; the third declined.
        // So REFERRALS 6 + 3 + 1 = 10, ACCEPTED 4 + 3 + 1 = 8, ARRIVALS 2 + 2 = 4, CONVERSIONS 1, FEEDBACKS 2 + 1 = 3.
        // A generated event of CH-001 for today would raise these, one of any other channel would add a key.
        long ch001 = jdbc.sql("SELECT id FROM channel WHERE hospital_id = :h AND code = 'CH-001'").param("h", h)
                .query(Long.class).single();
        Map<Long, Map<Measure, BigDecimal>> today = intake.totals(h, plan.last().plusDays(1), plan.last().plusDays(1));
        assertThat(today).containsOnlyKeys(ch001);
        assertThat(today.get(ch001)).containsEntry(Measure.REFERRALS, BigDecimal.valueOf(10))
                .containsEntry(Measure.ACCEPTED, BigDecimal.valueOf(8))
                .containsEntry(Measure.ARRIVALS, BigDecimal.valueOf(4))
                .containsEntry(Measure.CONVERSIONS, BigDecimal.valueOf(1))
                .containsEntry(Measure.FEEDBACKS, BigDecimal.valueOf(3))
                .containsEntry(Measure.SURVEY_COUNT, BigDecimal.ZERO);
    }

    private double perDay(long h, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        long referrals = intake.totals(h, from, to).values().stream()
                .mapToLong(m -> m.get(Measure.REFERRALS).longValue()).sum();
        return referrals / (double) month.lengthOfMonth();
    }

    private static double ratio(Map<Measure, BigDecimal> m) {
        return m.get(Measure.REFERRALS).doubleValue() / Math.max(1, m.get(Measure.ARRIVALS).doubleValue());
    }
}
