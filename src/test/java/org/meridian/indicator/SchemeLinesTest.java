package org.meridian.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.scoring.SchemeDraft;

/** A scheme written as a table reads as the same lines written one by one. */
class SchemeLinesTest {

    @Test
    void aTableIsItsLinesInOrder() {
        List<SchemeDraft.Item> items = SchemeLines.table("""
                QUALITY 13: LEVEL4_SURGERY_SHARE 8 5→40,
                    LOW_RISK_MORTALITY 5 0.2→0
                EFFICIENCY 6: CMI 6 peer
                """);
        assertThat(items).containsExactly(SchemeLines.linear("LEVEL4_SURGERY_SHARE", 8, 5, 40),
                SchemeLines.linear("LOW_RISK_MORTALITY", 5, 0.2, 0), SchemeLines.peer("CMI", 6));
        assertThat(items.get(1).scoring().zero()).isEqualByComparingTo("0.2");
    }

    @Test
    void aDimensionsWeightsMustAddUpToItsShareAndEveryPartMustRead() {
        assertThatThrownBy(() -> SchemeLines.table("QUALITY 12: CMI 6 peer, PAPERS 5 peer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QUALITY add up to 11, not 12");
        assertThatThrownBy(() -> SchemeLines.table("QUALITY 6: CMI 6 per"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemeLines.table("QUALITY 6: CMI 6 peer, PAPERS 3 1-2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemeLines.table("QUALTY 6: CMI 6 peer"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemeLines.table("CMI 6 peer")).isInstanceOf(IllegalArgumentException.class);
    }
}
