package org.meridian.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.shared.UnitType;

class DemoSchemesTest {

    @Test
    void everyChannelUnitTypeGetsAValidSchemeOfBuiltInIndicators() {
        for (UnitType type : UnitType.channelTypes()) {
            SchemeDraft draft = DemoSchemes.draftFor(type);
            assertThat(draft.problems(DefaultIndicators::find)).as(type.name()).isEmpty();
            assertThat(draft.indicators()).as(type.name()).hasSizeGreaterThanOrEqualTo(4);
        }
    }
}
