package org.meridian.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo mode (the same context as {@code DemoModeTest}): every channel unit type starts with a scheme. */
@MeridianDemoTest
class DemoSchemesModeTest {

    @Autowired SchemeCatalogue schemes;
    @Autowired Hospitals hospitals;

    @Test
    void everyChannelUnitTypeHasTheDemoScheme() {
        long hospital = hospitals.all().get(0).id();
        for (UnitType type : UnitType.channelTypes()) {
            SchemeSnapshot s = schemes.current(hospital, type).orElseThrow();
            assertThat(s.savedBy()).as("the demo acts as a named system actor").isEqualTo("system:demo");
            assertThat(s.items()).extracting(i -> i.code())
                    .containsExactlyElementsOf(DemoSchemes.draftFor(type).indicators().stream()
                            .map(i -> i.code()).toList());
        }
        assertThat(schemes.current(hospital, UnitType.EXAM_CENTER).orElseThrow().item("RESPONSE_TIME"))
                .isPresent();
    }
}
