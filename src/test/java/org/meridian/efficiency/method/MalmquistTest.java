package org.meridian.efficiency.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.meridian.efficiency.method.DeaTest.rows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.efficiency.method.Malmquist.Change;
import org.meridian.efficiency.method.Malmquist.Period;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * Coelli, "A Guide to DEAP Version 2.1" (CEPA Working Paper 96/08), example EG4: 5 firms, one output and one input,
 * 3 years, output orientated Malmquist DEA. Data (y; x), year 1: 1;2 2;4 3;3 4;5 5;6, years 2 and 3: 1;2 3;4 4;3 3;5
 * 5;5. The published MALMQUIST INDEX SUMMARY (three decimals) is checked at 1e-3 (DEAP prints the exact 0.5625 as
 * 0.562, so half a unit of the last decimal is not quite enough); the exact fractions derived by hand below at 1e-9.
 */
class MalmquistTest {

    static final double PRINTED = 0.001;

    static final double[][] X1 = {{2}, {4}, {3}, {5}, {6}};
    static final double[][] Y1 = {{1}, {2}, {3}, {4}, {5}};
    static final double[][] X2 = {{2}, {4}, {3}, {5}, {5}};
    static final double[][] Y2 = {{1}, {3}, {4}, {3}, {5}};

    static List<Period> eg4() {
        return List.of(new Period(rows(X1), rows(Y1)), new Period(rows(X2), rows(Y2)),
                new Period(rows(X2), rows(Y2)));
    }

    @Test
    void deapExampleFourPublishedIndices() {
        Malmquist.Result r = Malmquist.evaluate(eg4(), Orientation.OUTPUT);
        // year = 2: firm effch techch pech sech tfpch
        double[][] year2 = {
                {0.750, 1.333, 1.000, 0.750, 1.000},
                {1.125, 1.333, 1.222, 0.920, 1.500},
                {1.000, 1.333, 1.000, 1.000, 1.333},
                {0.562, 1.333, 0.650, 0.865, 0.750},
                {0.900, 1.333, 1.000, 0.900, 1.200}};
        assertThat(r.transitions()).hasSize(2);
        for (int k = 0; k < 5; k++) {
            assertChange(r.transitions().get(0).units().get(k), year2[k], PRINTED);
        }
        // year 2 mean 0.844 1.333 0.955 0.883 1.125; year 3 all 1.000
        assertChange(r.transitions().get(0).mean(), new double[] {0.844, 1.333, 0.955, 0.883, 1.125}, PRINTED);
        for (Change c : r.transitions().get(1).units()) {
            assertChange(c, new double[] {1, 1, 1, 1, 1}, 1e-9);
        }
        // MALMQUIST INDEX SUMMARY OF ANNUAL MEANS, mean: 0.918 1.155 0.977 0.940 1.061
        assertChange(r.mean(), new double[] {0.918, 1.155, 0.977, 0.940, 1.061}, PRINTED);
        // firm means by hand, firm 2: effch = sqrt(1.125 · 1) = 1.0607, tfpch = sqrt(1.5 · 1) = 1.2247
        assertThat(r.unitMeans().get(1).effch()).isCloseTo(1.061, within(0.0005));
        assertThat(r.unitMeans().get(1).tfpch()).isCloseTo(1.225, within(0.0005));
    }

    @Test
    void deapExampleFourExactlyByHand() {
        // CRS output scores are (y/x) / best(y/x): best is 1 in year 1 and 4/3 in year 2.
        //   D1(1) = .5 .5 1 .8 5/6;  D2(2) = .375 .5625 1 .45 .75
        //   D1(2) = year-2 ratios / 1 = .5 .75 4/3 .6 1;  D2(1) = year-1 ratios / (4/3) = .375 .375 .75 .6 .625
        // techch = sqrt(D1(2)/D2(2) · D1(1)/D2(1)) = sqrt(4/3 · 4/3) = 4/3 for every firm
        // VRS output scores: year 1: 1, 6/11, 1, 12/13, 1; year 2 (frontier (2,1)–(3,4)–(5,5)): 1, 3/4.5, 1, 3/5, 1
        double[] effch = {0.75, 1.125, 1, 0.5625, 0.9};
        double[] pech = {1, (2.0 / 3) / (6.0 / 11), 1, 0.6 / (12.0 / 13), 1};
        Malmquist.Result r = Malmquist.evaluate(eg4(), Orientation.OUTPUT);
        for (int k = 0; k < 5; k++) {
            Change c = r.transitions().get(0).units().get(k);
            assertThat(c.effch()).isCloseTo(effch[k], within(1e-9));
            assertThat(c.techch()).isCloseTo(4.0 / 3, within(1e-9));
            assertThat(c.pech()).isCloseTo(pech[k], within(1e-9));
            assertThat(c.sech()).isCloseTo(effch[k] / pech[k], within(1e-9));
            assertThat(c.tfpch()).isCloseTo(effch[k] * 4 / 3, within(1e-9));
        }
    }

    @Test
    void inputOrientationUnderConstantReturnsGivesTheSameEffchAndTechch() {
        // with CRS, θ = 1/φ, so effch, techch and tfpch do not depend on the orientation
        Malmquist.Result in = Malmquist.evaluate(eg4(), Orientation.INPUT);
        Malmquist.Result out = Malmquist.evaluate(eg4(), Orientation.OUTPUT);
        for (int k = 0; k < 5; k++) {
            Change a = in.transitions().get(0).units().get(k);
            Change b = out.transitions().get(0).units().get(k);
            assertThat(a.effch()).isCloseTo(b.effch(), within(1e-9));
            assertThat(a.techch()).isCloseTo(b.techch(), within(1e-9));
            assertThat(a.tfpch()).isCloseTo(b.tfpch(), within(1e-9));
        }
        // input-oriented VRS, firm 2 (4,2) in year 1: x on the frontier (2,1)–(3,3) at y = 2 is 2.5 → 0.625;
        // year 2 (4,3): frontier (2,1)–(3,4) reaches 3 at x = 2 + 2/3 → (8/3)/4 = 2/3; pech = (2/3)/0.625
        assertThat(in.transitions().get(0).units().get(1).pech()).isCloseTo((2.0 / 3) / 0.625, within(1e-9));
    }

    static void assertChange(Change c, double[] expected, double tolerance) {
        assertThat(c.effch()).isCloseTo(expected[0], within(tolerance));
        assertThat(c.techch()).isCloseTo(expected[1], within(tolerance));
        assertThat(c.pech()).isCloseTo(expected[2], within(tolerance));
        assertThat(c.sech()).isCloseTo(expected[3], within(tolerance));
        assertThat(c.tfpch()).isCloseTo(expected[4], within(tolerance));
    }

    @Test
    void badPeriodsListEveryProblem() {
        assertThatThrownBy(() -> Malmquist.evaluate(List.of(new Period(rows(X1), rows(Y1))), Orientation.INPUT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("efficiency.method.tooFewPeriods"));
        double[][] zero = {{2}, {0}, {3}, {5}, {6}};
        double[][] four = {{2}, {4}, {3}, {5}};
        assertThatThrownBy(() -> Malmquist.evaluate(List.of(new Period(rows(zero), rows(Y1)),
                new Period(rows(four), rows(new double[][] {{1}, {1}, {1}, {1}}))), Orientation.INPUT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path, Problem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("periods[0].inputs[1][0]",
                                        "efficiency.method.notPositive")));
        assertThatThrownBy(() -> Malmquist.evaluate(List.of(new Period(rows(X1), rows(Y1)),
                new Period(rows(four), rows(new double[][] {{1}, {1}, {1}, {1}}))), Orientation.INPUT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path, Problem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("periods[1]", "efficiency.method.periodShape")));
    }
}
