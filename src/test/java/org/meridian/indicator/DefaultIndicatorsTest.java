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
}
