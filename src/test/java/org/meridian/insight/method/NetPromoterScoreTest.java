package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

class NetPromoterScoreTest {

    @Test
    void scoreAndStandardErrorByHand() {
        // 50 promoters, 30 passives, 20 detractors: n = 100, p⁺ = 0.5, p⁻ = 0.2, NPS = 30;
        // SE = 100·√((0.5 + 0.2 − 0.3²)/100) = 100·√0.0061 = 7.81025
        NetPromoterScore.Result r = NetPromoterScore.of(50.0, 30.0, 20.0);
        assertThat(r.nps()).isCloseTo(30, within(1e-12));
        assertThat(r.standardError()).isCloseTo(7.81025, within(1e-5));
    }

    @Test
    void unanimousAnswersHaveNoSpread() {
        assertThat(NetPromoterScore.of(7.0, 0.0, 0.0)).isEqualTo(new NetPromoterScore.Result(100, 0));
        assertThat(NetPromoterScore.of(0.0, 0.0, 1.0)).isEqualTo(new NetPromoterScore.Result(-100, 0));
        // passives only: 0 with SE 0
        assertThat(NetPromoterScore.of(0.0, 4.0, 0.0).standardError()).isZero();
    }

    @Test
    void noAnswersOrNegativeCountsAreRejected() {
        assertThatThrownBy(() -> NetPromoterScore.of(0.0, 0.0, 0.0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("insight.nps.none"));
        assertThatThrownBy(() -> NetPromoterScore.of(-1.0, 2.5, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("promoters", "passives", "detractors"));
    }
}
