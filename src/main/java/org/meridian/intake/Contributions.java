package org.meridian.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.meridian.indicator.Measure;

/** What one event, or one REFERRAL/ACCEPTED pair, adds to the measures (engine.md §2, table of types). */
final class Contributions {

    /** Response hours are kept to 6 decimals (≈ 3.6 ms), rounded half-up, so that adding and removing a pair cancel exactly. */
    static final int HOURS_SCALE = 6;
    private static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(3_600_000_000_000L);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private Contributions() {
    }

    static MeasureSums of(EventType type, BigDecimal value, Map<String, String> attributes) {
        MeasureSums s = new MeasureSums();
        switch (type) {
            case REFERRAL -> s.add(Measure.REFERRALS, BigDecimal.ONE);
            case ACCEPTED -> s.add(Measure.ACCEPTED, BigDecimal.ONE);
            case ARRIVED -> s.add(Measure.ARRIVALS, BigDecimal.ONE);
            case CONVERTED -> s.add(Measure.CONVERSIONS, BigDecimal.ONE);
            case REVENUE -> s.add(Measure.REVENUE, value);
            case SURVEY -> {
                s.add(Measure.SURVEY_COUNT, BigDecimal.ONE).add(Measure.SURVEY_SUM, value);
                if (value.compareTo(FOUR) >= 0) {
                    s.add(Measure.SATISFIED, BigDecimal.ONE);
                }
                String recommend = attributes.get("recommend");
                if (recommend != null) {
                    int r = Integer.parseInt(recommend);
                    s.add(Measure.NPS_COUNT, BigDecimal.ONE);
                    if (r >= 9) {
                        s.add(Measure.PROMOTERS, BigDecimal.ONE);
                    } else if (r <= 6) {
                        s.add(Measure.DETRACTORS, BigDecimal.ONE);
                    }
                }
            }
            case COMPLAINT -> s.add(Measure.COMPLAINTS, BigDecimal.ONE);
            case RETURN_VISIT -> s.add(Measure.RETURN_VISITS, BigDecimal.ONE);
            case FEEDBACK -> s.add(Measure.FEEDBACKS, BigDecimal.ONE);
            case REFERRAL_OUT -> s.add(Measure.REFERRALS_OUT, BigDecimal.ONE);
        }
        return s;
    }

    static MeasureSums of(EventContent c) {
        return of(c.type(), c.value(), c.attributes());
    }

    /** A counted pair: one response, its hours. */
    static MeasureSums pair(Instant referral, Instant accepted) {
        return new MeasureSums().add(Measure.RESPONSE_COUNT, BigDecimal.ONE)
                .add(Measure.RESPONSE_HOURS_SUM, responseHours(referral, accepted));
    }

    /** (accepted − referral) in hours, 6 decimals, half-up. */
    static BigDecimal responseHours(Instant referral, Instant accepted) {
        return BigDecimal.valueOf(Duration.between(referral, accepted).toNanos())
                .divide(NANOS_PER_HOUR, HOURS_SCALE, RoundingMode.HALF_UP);
    }

    /** A pair counts when the ACCEPTED does not precede its REFERRAL (0 hours counts). */
    static boolean counts(Instant referral, Instant accepted) {
        return !accepted.isBefore(referral);
    }
}
