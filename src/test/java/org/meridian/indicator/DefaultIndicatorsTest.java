package org.meridian.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.IndicatorDefinition;

class DefaultIndicatorsTest {

    @Test
    void theTwelveChannelIndicatorsOfEngineMd() {
        assertThat(DefaultIndicators.CHANNEL).extracting(IndicatorDefinition::code).containsExactly(
                "REFERRAL_VOLUME", "ACCEPTANCE_RATE", "ARRIVAL_RATE", "CONVERSION_RATE", "RESPONSE_TIME",
                "SATISFACTION", "AVG_SATISFACTION", "NPS", "COMPLAINT_RATE", "RETURN_RATE", "FEEDBACK_RATE", "REVENUE");
        assertThat(DefaultIndicators.CHANNEL).filteredOn(i -> i.direction() == Direction.LOWER_IS_BETTER)
                .extracting(IndicatorDefinition::code).containsExactly("RESPONSE_TIME", "COMPLAINT_RATE");
        assertThat(DefaultIndicators.find("NPS").orElseThrow().formula().text())
                .isEqualTo("100 * (promoters - detractors) / nps_count");
        assertThat(DefaultIndicators.find("COMPLAINT_RATE").orElseThrow().formula().measures())
                .containsExactly(Measure.COMPLAINTS, Measure.ARRIVALS);
        assertThat(DefaultIndicators.CHANNEL).allSatisfy(i -> {
            assertThat(i.nameZh()).isNotBlank();
            assertThat(i.nameEn()).isNotBlank();
            assertThat(i.descriptionZh()).isNotBlank();
            assertThat(i.descriptionEn()).isNotBlank();
        });
    }

    @Test
    void everyFormulaOnOneChannelsMonth() {
        java.util.Map<Measure, java.math.BigDecimal> m = new java.util.EnumMap<>(Measure.class);
        String[][] totals = {{"referrals", "80"}, {"accepted", "72"}, {"arrivals", "64"}, {"conversions", "16"},
                {"revenue", "1234567.8"}, {"survey_count", "40"}, {"survey_sum", "170"}, {"satisfied", "34"},
                {"nps_count", "25"}, {"promoters", "15"}, {"detractors", "5"}, {"complaints", "2"},
                {"return_visits", "24"}, {"feedbacks", "48"}, {"response_count", "70"}, {"response_hours_sum", "455"}};
        for (String[] t : totals) {
            m.put(Measure.byKey(t[0]).orElseThrow(), new java.math.BigDecimal(t[1]));
        }
        // by hand: 72/80 = 90 %, 64/80 = 80 %, 16/64 = 25 %, 455 h / 70 = 6.5 h, 34/40 = 85 %, 170/40 = 4.25,
        // (15 − 5)/25 = 40, 1000 × 2/64 = 31.25 ‰, 24/64 = 37.5 %, 48/64 = 75 %, 1234567.8 / 10000 = 123.45678 万元
        String[][] expected = {{"REFERRAL_VOLUME", "80"}, {"ACCEPTANCE_RATE", "90"}, {"ARRIVAL_RATE", "80"},
                {"CONVERSION_RATE", "25"}, {"RESPONSE_TIME", "6.5"}, {"SATISFACTION", "85"},
                {"AVG_SATISFACTION", "4.25"}, {"NPS", "40"}, {"COMPLAINT_RATE", "31.25"}, {"RETURN_RATE", "37.5"},
                {"FEEDBACK_RATE", "75"}, {"REVENUE", "123.45678"}};
        for (String[] e : expected) {
            assertThat(DefaultIndicators.find(e[0]).orElseThrow().formula().evaluate(m)).as(e[0])
                    .isEqualByComparingTo(e[1]);
        }
    }
}
