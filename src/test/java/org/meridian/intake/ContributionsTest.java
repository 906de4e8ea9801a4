package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;

/** The table of event types in engine.md §2. */
class ContributionsTest {

    @Test
    void countingTypesAddOneToTheirMeasure() {
        assertThat(Contributions.of(EventType.REFERRAL, null, Map.of()).asMap()).containsEntry(Measure.REFERRALS, BigDecimal.ONE);
        assertThat(Contributions.of(EventType.ACCEPTED, null, Map.of()).get(Measure.ACCEPTED)).isEqualTo(BigDecimal.ONE);
        assertThat(Contributions.of(EventType.ARRIVED, null, Map.of()).get(Measure.ARRIVALS)).isEqualTo(BigDecimal.ONE);
        assertThat(Contributions.of(EventType.CONVERTED, null, Map.of()).get(Measure.CONVERSIONS)).isEqualTo(BigDecimal.ONE);
        assertThat(Contributions.of(EventType.COMPLAINT, null, Map.of()).get(Measure.COMPLAINTS)).isEqualTo(BigDecimal.ONE);
        assertThat(Contributions.of(EventType.RETURN_VISIT, null, Map.of()).get(Measure.RETURN_VISITS)).isEqualTo(BigDecimal.ONE);
        assertThat(Contributions.of(EventType.FEEDBACK, null, Map.of()).get(Measure.FEEDBACKS)).isEqualTo(BigDecimal.ONE);
        assertThat(Contributions.of(EventType.FEEDBACK, null, Map.of()).get(Measure.REFERRALS)).isZero();
        assertThat(Contributions.of(EventType.REFERRAL_OUT, null, Map.of("to", "H004")).get(Measure.REFERRALS_OUT))
                .isEqualTo(BigDecimal.ONE);
        assertThat(Contributions.of(EventType.REFERRAL_OUT, null, Map.of("to", "H004")).get(Measure.REFERRALS)).isZero();
    }

    @Test
    void refundsSubtractRevenue() {
        assertThat(Contributions.of(EventType.REVENUE, new BigDecimal("-80.5"), Map.of()).get(Measure.REVENUE))
                .isEqualByComparingTo("-80.5");
    }

    @Test
    void surveysCountSatisfactionAndRecommendation() {
        MeasureSums promoter = Contributions.of(EventType.SURVEY, new BigDecimal("4"), Map.of("recommend", "9"));
        assertThat(promoter.get(Measure.SURVEY_COUNT)).isEqualByComparingTo("1");
        assertThat(promoter.get(Measure.SURVEY_SUM)).isEqualByComparingTo("4");
        assertThat(promoter.get(Measure.SATISFIED)).isEqualByComparingTo("1");
        assertThat(promoter.get(Measure.NPS_COUNT)).isEqualByComparingTo("1");
        assertThat(promoter.get(Measure.PROMOTERS)).isEqualByComparingTo("1");
        assertThat(promoter.get(Measure.DETRACTORS)).isZero();

        MeasureSums passive = Contributions.of(EventType.SURVEY, new BigDecimal("3.9"), Map.of("recommend", "7"));
        assertThat(passive.get(Measure.SATISFIED)).isZero();
        assertThat(passive.get(Measure.NPS_COUNT)).isEqualByComparingTo("1");
        assertThat(passive.get(Measure.PROMOTERS)).isZero();
        assertThat(passive.get(Measure.DETRACTORS)).isZero();

        MeasureSums detractor = Contributions.of(EventType.SURVEY, new BigDecimal("2"), Map.of("recommend", "6"));
        assertThat(detractor.get(Measure.DETRACTORS)).isEqualByComparingTo("1");

        MeasureSums noRecommendation = Contributions.of(EventType.SURVEY, new BigDecimal("5"), Map.of());
        assertThat(noRecommendation.get(Measure.NPS_COUNT)).isZero();
    }

    @Test
    void responseHoursAreExactToSixDecimalsAndZeroCounts() {
        Instant r = Instant.parse("2026-09-03T02:00:00Z");
        assertThat(Contributions.responseHours(r, Instant.parse("2026-09-03T04:30:00Z"))).isEqualByComparingTo("2.5");
        assertThat(Contributions.responseHours(r, r.plusSeconds(1))).isEqualByComparingTo("0.000278");
        assertThat(Contributions.counts(r, r)).isTrue();
        assertThat(Contributions.counts(r, r.minusSeconds(1))).isFalse();
        MeasureSums pair = Contributions.pair(r, r);
        assertThat(pair.get(Measure.RESPONSE_COUNT)).isEqualByComparingTo("1");
        assertThat(pair.get(Measure.RESPONSE_HOURS_SUM)).isZero();
    }
}
