package org.meridian.insight.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpearmanTest {

    /**
     * The worked example of Spearman's ρ in Wikipedia's "Spearman's rank correlation coefficient" (IQ against hours of
     * TV per week, ten people, no ties): Σd² = 194, ρ = 1 − 6·194/(10·99) = −29/165 = −0.175757…
     */
    @Test
    void reproducesThePublishedIqAndTelevisionExample() {
        double[] iq = {106, 100, 86, 101, 99, 103, 97, 113, 112, 110};
        double[] tv = {7, 27, 2, 50, 28, 29, 20, 12, 6, 17};
        assertThat(Spearman.rho(iq, tv)).isCloseTo(-29.0 / 165, within(1e-12));
    }

    /**
     * Ties take the average rank: x = (1, 2, 2, 3) ranks (1, 2.5, 2.5, 4), y = (1, 2, 3, 4) ranks (1, 2, 3, 4); about
     * the mean 2.5, Σdx·dy = 2.25 + 0 + 0 + 2.25 = 4.5, Σdx² = 4.5, Σdy² = 5, so ρ = 4.5/√22.5 = √0.9 = 0.948683 (R:
     * {@code cor(c(1,2,2,3), 1:4, method = "spearman")} prints 0.9486833). The no-ties shortcut 1 − 6Σd²/(n(n²−1))
     * would give 1 − 6·0.5/60 = 0.95, which is not right with ties.
     */
    @Test
    void averagesTiedRanks() {
        assertThat(Spearman.rho(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}))
                .isCloseTo(Math.sqrt(0.9), within(1e-12));
    }

    @Test
    void sameOrderIsOneReversedIsMinusOneAndMonotoneTransformsDoNotMatter() {
        assertThat(Spearman.rho(new double[] {1, 2, 3}, new double[] {10, 200, 3000})).isCloseTo(1, within(1e-15));
        assertThat(Spearman.rho(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1, within(1e-15));
    }

    @Test
    void constantOrTooShortIsNotDefined() {
        assertThat(Spearman.rho(new double[] {5, 5, 5}, new double[] {1, 2, 3})).isNaN();
        assertThat(Spearman.rho(new double[] {1}, new double[] {1})).isNaN();
        assertThatThrownBy(() -> Spearman.rho(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
