package org.meridian.allocation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/** Gini, Theil and agglomeration on small examples worked by hand (arithmetic in the comments). */
class InequalityTest {

    @Test
    void individualGiniByTheDefinition() {
        // values 1, 2, 3, 4: Σ_i Σ_j |x_i − x_j| = 2·(1+2+3+1+2+1) = 20, n = 4, μ = 2.5
        // G = 20 / (2 · 16 · 2.5) = 0.25
        Inequality.Result r = Inequality.measure(List.of(4.0, 1.0, 3.0, 2.0), null, null, null, null);
        assertThat(r.gini()).isCloseTo(0.25, within(1e-12));
        // Lorenz: (0.25, 0.1), (0.5, 0.3), (0.75, 0.6), (1, 1)
        assertThat(r.lorenz()).hasSize(5);
        assertThat(r.lorenz().get(2).resource()).isCloseTo(0.3, within(1e-12));
        // Theil T with p = 1/4 and s = .1 .2 .3 .4: Σ s ln(4s)
        double t = 0.1 * Math.log(0.4) + 0.2 * Math.log(0.8) + 0.3 * Math.log(1.2) + 0.4 * Math.log(1.6);
        double l = 0.25 * (Math.log(2.5) + Math.log(1.25) + Math.log(0.25 / 0.3) + Math.log(0.625));
        assertThat(r.theilT()).isCloseTo(t, within(1e-12));
        assertThat(r.theilL()).isCloseTo(l, within(1e-12));
        assertThat(r.between().t()).isZero();
        assertThat(r.within().t()).isCloseTo(t, within(1e-12));
        assertThat(r.hrad()).isNull();
    }

    @Test
    void equalValuesAndASingleValueAreEqual() {
        Inequality.Result equal = Inequality.measure(List.of(5.0, 5.0, 5.0), null, null, null, null);
        assertThat(equal.gini()).isCloseTo(0, within(1e-15));
        assertThat(equal.theilT()).isCloseTo(0, within(1e-15));
        assertThat(equal.theilL()).isCloseTo(0, within(1e-15));
        Inequality.Result one = Inequality.measure(List.of(7.0), null, null, null, null);
        assertThat(one.gini()).isZero();
        assertThat(one.theilT()).isZero();
    }

    @Test
    void groupedGiniFromTheLorenzCurveWithPopulations() {
        // beds 10, 30, 60 for populations 40, 40, 20 (per head .25, .75, 3 — already ascending)
        // X = .4, .8, 1; Y = .1, .4, 1
        // G = 1 − [.4·(.1 + 0) + .4·(.4 + .1) + .2·(1 + .4)] = 1 − (.04 + .2 + .28) = 0.48
        Inequality.Result r = Inequality.measure(List.of(60.0, 10.0, 30.0), List.of(20.0, 40.0, 40.0), null, null,
                null);
        assertThat(r.gini()).isCloseTo(0.48, within(1e-12));
        // T = .6 ln(.6/.2) + .1 ln(.1/.4) + .3 ln(.3/.4)
        assertThat(r.theilT()).isCloseTo(0.6 * Math.log(3) + 0.1 * Math.log(0.25) + 0.3 * Math.log(0.75),
                within(1e-12));
    }

    @Test
    void theilDecomposesIntoBetweenAndWithinGroups() {
        // two districts: A = units 0, 1 (s .1 .2, p .25 .25), B = units 2, 3 (s .3 .4, p .25 .25)
        // between T = .3 ln(.3/.5) + .7 ln(.7/.5); within A = .1 ln((1/3)/.5) + .2 ln((2/3)/.5), within B likewise
        Inequality.Result r = Inequality.measure(List.of(1.0, 2.0, 3.0, 4.0), null, null, null,
                List.of("A", "A", "B", "B"));
        double between = 0.3 * Math.log(0.6) + 0.7 * Math.log(1.4);
        double within = 0.1 * Math.log((1.0 / 3) / 0.5) + 0.2 * Math.log((2.0 / 3) / 0.5)
                + 0.3 * Math.log((3.0 / 7) / 0.5) + 0.4 * Math.log((4.0 / 7) / 0.5);
        assertThat(r.between().t()).isCloseTo(between, within(1e-12));
        assertThat(r.within().t()).isCloseTo(within, within(1e-12));
        assertThat(r.between().t() + r.within().t()).isCloseTo(r.theilT(), within(1e-12));
        assertThat(r.between().l() + r.within().l()).isCloseTo(r.theilL(), within(1e-12));
    }

    @Test
    void aZeroValueMakesTheilLNullWithANote() {
        Inequality.Result r = Inequality.measure(List.of(0.0, 2.0, 2.0), null, null, null, List.of("a", "a", "b"));
        assertThat(r.theilL()).isNull();
        assertThat(r.between().l()).isNull();
        assertThat(r.within().l()).isNull();
        assertThat(r.notes()).extracting(Problem::messageKey).containsExactly("allocation.note.theilLInfinite");
        // T = 2·(.5 ln(.5/(1/3))) = ln 1.5; G = (|0−2|·4) / (2·9·(4/3)) = 8/24 = 1/3
        assertThat(r.theilT()).isCloseTo(Math.log(1.5), within(1e-12));
        assertThat(r.gini()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void agglomerationWithAreasAndPopulations() {
        // beds 30, 70; area 60, 40 km²; people 50, 50
        // HRAD = (.3/.6, .7/.4) = (.5, 1.75); PAD = (.5/.6, .5/.4) = (5/6, 1.25); HRAD/PAD = (.6, 1.4)
        Inequality.Result r = Inequality.measure(List.of(30.0, 70.0), List.of(50.0, 50.0), List.of(60.0, 40.0),
                "AREA", null);
        assertThat(r.hrad()).containsExactly(new double[] {0.5, 1.75}, within(1e-12));
        assertThat(r.pad()).containsExactly(new double[] {5.0 / 6, 1.25}, within(1e-12));
        assertThat(r.hradPerPad()).containsExactly(new double[] {0.6, 1.4}, within(1e-12));
        // basis AREA: Gini over area shares, per km² .5 and 1.75 ascending: X = .6, 1; Y = .3, 1
        // G = 1 − [.6·.3 + .4·1.3] = 1 − .7 = 0.3
        assertThat(r.gini()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void badInputListsEveryProblem() {
        assertThatThrownBy(() -> Inequality.measure(java.util.Arrays.asList(1.0, -2.0, null), List.of(1.0, 0.0),
                null, "AREA", List.of("a")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("values[1]", "values[2]", "populations[1]",
                                "areas", "groups"));
        assertThatThrownBy(() -> Inequality.measure(List.of(0.0, 0.0), null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("allocation.method.zeroTotal"));
    }
}
