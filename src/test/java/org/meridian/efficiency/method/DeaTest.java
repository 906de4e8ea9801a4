package org.meridian.efficiency.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/**
 * DEA against published results and hand derivations. Published tables print three or four decimals, so each is
 * checked at half a unit of its last printed decimal; where the exact value follows by hand (a fraction), it is also
 * checked at 1e-9, which is the evidence that Commons Math's simplex is exact enough (docs/adr/0008).
 */
class DeaTest {

    static final double EXACT = 1e-9;

    static List<List<Double>> rows(double[][] m) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] r : m) {
            List<Double> row = new ArrayList<>();
            for (double v : r) {
                row.add(v);
            }
            out.add(row);
        }
        return out;
    }

    static DeaData data(double[][] x, double[][] y) {
        return DeaData.of(rows(x), rows(y), false);
    }

    // Coelli, "A Guide to DEAP Version 2.1", CEPA Working Paper 96/08, example EG1: 5 firms, 1 output, 2 inputs,
    // input orientated CRS. Data (y; x1, x2): 1;2,5  2;2,4  3;6,6  1;3,2  2;6,2.
    static final double[][] EG1_X = {{2, 5}, {2, 4}, {6, 6}, {3, 2}, {6, 2}};
    static final double[][] EG1_Y = {{1}, {2}, {3}, {1}, {2}};

    @Test
    void deapExampleOneCrsInputOrientated() {
        DeaResult r = Dea.evaluate(data(EG1_X, EG1_Y), DeaModel.CCR, Orientation.INPUT, false);
        // DEAP 2.1 EG1 output, EFFICIENCY SUMMARY: te 0.500 1.000 0.833 0.714 1.000
        double[] published = {0.500, 1.000, 0.833, 0.714, 1.000};
        for (int k = 0; k < 5; k++) {
            assertThat(r.units().get(k).score()).isCloseTo(published[k], within(0.0005));
        }
        // exact by hand: firm 3 projects onto 0.5·firm5 + 1·firm2 = (5, 5) = θ(6, 6) → θ = 5/6;
        // firm 4 onto 2/7·firm5 + 3/14·firm2 = (15/7, 10/7) = θ(3, 2) → θ = 5/7
        assertThat(r.units().get(2).score()).isCloseTo(5.0 / 6, within(EXACT));
        assertThat(r.units().get(3).score()).isCloseTo(5.0 / 7, within(EXACT));
        assertThat(r.units().get(0).score()).isCloseTo(0.5, within(EXACT));

        // SUMMARY OF INPUT SLACKS: only firm 1 has one, 0.500 on input 2 (radial (1, 2.5), peer 0.5·firm2 = (1, 2))
        DeaUnit firm1 = r.units().get(0);
        assertThat(firm1.inputSlacks()[0]).isCloseTo(0, within(EXACT));
        assertThat(firm1.inputSlacks()[1]).isCloseTo(0.5, within(EXACT));
        assertThat(firm1.status()).isEqualTo(EfficiencyStatus.INEFFICIENT);
        for (int k = 1; k < 5; k++) {
            assertThat(r.units().get(k).inputSlacks()).containsOnly(0.0);
            assertThat(r.units().get(k).outputSlacks()).containsOnly(0.0);
        }
        // SUMMARY OF PEERS and PEER WEIGHTS: 1: 2 (0.500); 3: 5 (0.500), 2 (1.000); 4: 5 (0.286), 2 (0.214)
        assertThat(firm1.peers()).singleElement().satisfies(p -> {
            assertThat(p.unit()).isEqualTo(1);
            assertThat(p.lambda()).isCloseTo(0.5, within(EXACT));
        });
        assertThat(r.units().get(2).peers()).extracting(Peer::unit).containsExactly(1, 4);
        assertThat(r.units().get(2).peers().get(0).lambda()).isCloseTo(1.0, within(EXACT));
        assertThat(r.units().get(2).peers().get(1).lambda()).isCloseTo(0.5, within(EXACT));
        assertThat(r.units().get(3).peers()).extracting(Peer::unit).containsExactly(1, 4);
        assertThat(r.units().get(3).peers().get(0).lambda()).isCloseTo(3.0 / 14, within(EXACT));
        assertThat(r.units().get(3).peers().get(1).lambda()).isCloseTo(2.0 / 7, within(EXACT));
        // SUMMARY OF INPUT TARGETS: 1.000 2.000 / 2 4 / 5 5 / 2.143 1.429 / 6 2; OUTPUT TARGETS 1 2 3 1 2
        double[][] targets = {{1, 2}, {2, 4}, {5, 5}, {15.0 / 7, 10.0 / 7}, {6, 2}};
        for (int k = 0; k < 5; k++) {
            assertThat(r.units().get(k).inputTargets()[0]).isCloseTo(targets[k][0], within(EXACT));
            assertThat(r.units().get(k).inputTargets()[1]).isCloseTo(targets[k][1], within(EXACT));
            assertThat(r.units().get(k).outputTargets()[0]).isCloseTo(EG1_Y[k][0], within(EXACT));
        }
        assertThat(r.units().get(1).status()).isEqualTo(EfficiencyStatus.EFFICIENT);
        assertThat(r.units().get(4).status()).isEqualTo(EfficiencyStatus.EFFICIENT);
        assertThat(r.warnings()).isEmpty();
    }

    // DEAP's EG2/EG4 data, one input and one output (x; y): 2;1  4;2  3;3  5;4  6;5 (EG4's first year).
    static final double[][] ONE_X = {{2}, {4}, {3}, {5}, {6}};
    static final double[][] ONE_Y = {{1}, {2}, {3}, {4}, {5}};

    @Test
    void variableReturnsScaleEfficiencyAndReturnsToScaleByHand() {
        DeaResult r = Dea.evaluate(data(ONE_X, ONE_Y), DeaModel.BCC, Orientation.INPUT, false);
        // CRS: score = (y/x) / max(y/x) with max 1 (unit 3): 0.5, 0.5, 1, 0.8, 5/6.
        // VRS frontier (lower convex hull): (2,1) – (3,3) – (6,5).
        //   unit 2 (4,2): x on the frontier at y = 2 is 2 + 1/2 = 2.5 → θ = 2.5/4 = 0.625
        //   unit 4 (5,4): x at y = 4 is 3 + 3·(1/2) = 4.5 → θ = 0.9
        double[] vrs = {1, 0.625, 1, 0.9, 1};
        double[] crs = {0.5, 0.5, 1, 0.8, 5.0 / 6};
        ReturnsToScale[] rts = {ReturnsToScale.IRS, ReturnsToScale.IRS, ReturnsToScale.CRS, ReturnsToScale.DRS,
                ReturnsToScale.DRS};
        for (int k = 0; k < 5; k++) {
            DeaUnit u = r.units().get(k);
            assertThat(u.score()).isCloseTo(vrs[k], within(EXACT));
            assertThat(u.scaleEfficiency()).isCloseTo(crs[k] / vrs[k], within(EXACT));
            assertThat(u.returnsToScale()).as("unit %d", k).isEqualTo(rts[k]);
        }
        // unit 2 projects onto half of (2,1) and half of (3,3)
        assertThat(r.units().get(1).peers()).extracting(Peer::unit).containsExactly(0, 2);
        assertThat(r.units().get(1).peers()).allSatisfy(p -> assertThat(p.lambda()).isCloseTo(0.5, within(EXACT)));
    }

    @Test
    void outputOrientedVariableReturnsMatchDeapExampleFour() {
        // DEAP 2.1 EG4 output, DISTANCES SUMMARY year 1, vrs te: 1.000 0.545 1.000 0.923 1.000.
        // By hand: output on the VRS frontier at x = 4 is 3 + 2/3 → 2/(11/3) = 6/11; at x = 5: 13/3 → 12/13.
        DeaResult r = Dea.evaluate(data(ONE_X, ONE_Y), DeaModel.BCC, Orientation.OUTPUT, false);
        double[] published = {1.000, 0.545, 1.000, 0.923, 1.000};
        double[] exact = {1, 6.0 / 11, 1, 12.0 / 13, 1};
        for (int k = 0; k < 5; k++) {
            assertThat(r.units().get(k).score()).isCloseTo(published[k], within(0.0005));
            assertThat(r.units().get(k).score()).isCloseTo(exact[k], within(EXACT));
            assertThat(r.units().get(k).radial()).isCloseTo(1 / exact[k], within(EXACT));
        }
        // output targets: φ·y, e.g. unit 2: 2 · 11/6 = 11/3
        assertThat(r.units().get(1).outputTargets()[0]).isCloseTo(11.0 / 3, within(EXACT));
        // CRS output scores equal the input ones (1/φ = θ): EG4 year 1 crs te 0.500 0.500 1.000 0.800 0.833
        DeaResult crs = Dea.evaluate(data(ONE_X, ONE_Y), DeaModel.CCR, Orientation.OUTPUT, false);
        double[] crsPublished = {0.500, 0.500, 1.000, 0.800, 0.833};
        for (int k = 0; k < 5; k++) {
            assertThat(crs.units().get(k).score()).isCloseTo(crsPublished[k], within(0.0005));
        }
    }

    // Cooper, Seiford and Tone, "Data Envelopment Analysis" (2nd ed. 2007), Example 3.2 (two inputs, one output):
    // DMUs A–F with inputs (4,3) (7,3) (8,1) (4,2) (2,4) (10,1) and output 1 each.
    static final double[][] CST_X = {{4, 3}, {7, 3}, {8, 1}, {4, 2}, {2, 4}, {10, 1}};
    static final double[][] CST_Y = {{1}, {1}, {1}, {1}, {1}, {1}};

    @Test
    void cooperSeifordToneTwoInputsWithAWeaklyEfficientUnit() {
        DeaResult r = Dea.evaluate(data(CST_X, CST_Y), DeaModel.CCR, Orientation.INPUT, false);
        // A: θ = 6/7 = 0.8571 with λ_D = 5/7, λ_E = 2/7 (θ(4,3) = λ_D(4,2) + λ_E(2,4), λ_D + λ_E = 1)
        DeaUnit a = r.units().get(0);
        assertThat(a.score()).isCloseTo(0.8571, within(0.00005)).isCloseTo(6.0 / 7, within(EXACT));
        assertThat(a.peers()).extracting(Peer::unit).containsExactly(3, 4);
        assertThat(a.peers().get(0).lambda()).isCloseTo(5.0 / 7, within(EXACT));
        assertThat(a.peers().get(1).lambda()).isCloseTo(2.0 / 7, within(EXACT));
        // B: θ = 12/19 = 0.6316 on the segment C–D (λ_C = 2/19, λ_D = 17/19)
        DeaUnit b = r.units().get(1);
        assertThat(b.score()).isCloseTo(0.6316, within(0.00005)).isCloseTo(12.0 / 19, within(EXACT));
        assertThat(b.peers()).extracting(Peer::unit).containsExactly(2, 3);
        // C, D, E efficient
        for (int k : new int[] {2, 3, 4}) {
            assertThat(r.units().get(k).status()).isEqualTo(EfficiencyStatus.EFFICIENT);
        }
        // F: θ* = 1 but C uses 2 less of input 1 for the same: weakly efficient, s1⁻ = 2, peer C with λ = 1
        DeaUnit f = r.units().get(5);
        assertThat(f.score()).isEqualTo(1.0);
        assertThat(f.status()).isEqualTo(EfficiencyStatus.WEAKLY_EFFICIENT);
        assertThat(f.inputSlacks()[0]).isCloseTo(2, within(EXACT));
        assertThat(f.inputSlacks()[1]).isCloseTo(0, within(EXACT));
        assertThat(f.inputTargets()).containsExactly(new double[] {8, 1}, within(EXACT));
        assertThat(f.peers()).singleElement().satisfies(p -> {
            assertThat(p.unit()).isEqualTo(2);
            assertThat(p.lambda()).isCloseTo(1, within(EXACT));
        });
    }

    @Test
    void superEfficiencyOfTheTwoInputExampleByHand() {
        DeaResult r = Dea.evaluate(data(CST_X, CST_Y), DeaModel.CCR, Orientation.INPUT, true);
        // Andersen–Petersen: each efficient unit against the others only.
        //   D (4,2): on E–C, θ(4,2) = ½(2,4) + ½(8,1) = (5, 2.5) → θ = 5/4
        //   E (2,4): every other unit uses ≥ 4 of input 1 → θ·2 ≥ 4 → θ = 2 (with D, slack on input 2)
        //   C (8,1): a·F + (1−a)·D with θ·8 = 10a + 4(1−a), θ·1 = a + 2(1−a) → a = 6/7, θ = 8/7
        //   F (10,1): C alone, θ·10 ≥ 8 and θ·1 ≥ 1 → θ = 1 (weakly efficient units stay at 1)
        assertThat(r.units().get(3).efficiency()).isCloseTo(1.25, within(EXACT));
        assertThat(r.units().get(4).efficiency()).isCloseTo(2.0, within(EXACT));
        assertThat(r.units().get(2).efficiency()).isCloseTo(8.0 / 7, within(EXACT));
        assertThat(r.units().get(5).efficiency()).isCloseTo(1.0, within(EXACT));
        // inefficient units keep their score; score mirrors efficiency
        assertThat(r.units().get(0).efficiency()).isCloseTo(6.0 / 7, within(EXACT));
        assertThat(r.units()).allSatisfy(u -> assertThat(u.score()).isEqualTo(u.efficiency()));
        // ranks: E 2, D 1.25, C 8/7, F 1, A 6/7, B 12/19
        assertThat(r.units()).extracting(DeaUnit::rank).containsExactly(5, 6, 3, 2, 1, 4);
        // status, slacks and peers stay those of the standard model
        assertThat(r.units().get(5).status()).isEqualTo(EfficiencyStatus.WEAKLY_EFFICIENT);
        assertThat(r.units().get(3).peers()).singleElement().extracting(Peer::unit).isEqualTo(3);
    }

    // Cooper, Seiford and Tone, Table 1.1 (one input, one output): stores A–H, employees 2 3 3 4 5 5 6 8,
    // sales 1 3 2 3 4 2 3 5.
    static final double[][] STORES_X = {{2}, {3}, {3}, {4}, {5}, {5}, {6}, {8}};
    static final double[][] STORES_Y = {{1}, {3}, {2}, {3}, {4}, {2}, {3}, {5}};

    @Test
    void singleInputStoresCcrAndBcc() {
        // CCR: sales per employee over the best (B, 1): A .5, B 1, C .667, D .75, E .8, F .4, G .5, H .625
        DeaResult ccr = Dea.evaluate(data(STORES_X, STORES_Y), DeaModel.CCR, Orientation.INPUT, false);
        double[] crs = {0.5, 1, 2.0 / 3, 0.75, 0.8, 0.4, 0.5, 0.625};
        for (int k = 0; k < 8; k++) {
            assertThat(ccr.units().get(k).score()).isCloseTo(crs[k], within(EXACT));
        }
        // BCC frontier A(2,1) – B(3,3) – E(5,4) – H(8,5) (slopes 2, ½, ⅓: convex).
        //   C (3,2): x at y = 2 on A–B is 2.5 → 2.5/3;  D (4,3): B → 3/4;  F (5,2): 2.5/5;  G (6,3): 3/6
        DeaResult bcc = Dea.evaluate(data(STORES_X, STORES_Y), DeaModel.BCC, Orientation.INPUT, true);
        double[] vrs = {1, 1, 2.5 / 3, 0.75, 1, 0.5, 0.5, 1};
        for (int k : new int[] {2, 3, 5, 6}) {
            assertThat(bcc.units().get(k).score()).isCloseTo(vrs[k], within(EXACT));
        }
        // BCC super-efficiency, input oriented: H has the largest sales; no convex combination of the others
        // reaches 5, so the program is infeasible: no value, no rank
        DeaUnit h = bcc.units().get(7);
        assertThat(h.infeasible()).isTrue();
        assertThat(h.efficiency()).isNull();
        assertThat(h.rank()).isNull();
        assertThat(h.status()).isEqualTo(EfficiencyStatus.EFFICIENT);
        // A has the smallest input: θ·2 must reach a convex combination of inputs ≥ 3 with sales ≥ 1 → B: θ = 3/2
        assertThat(bcc.units().get(0).efficiency()).isCloseTo(1.5, within(EXACT));
        // B (3,3) without B: A–E segment reaches 3 sales at x = 2 + 3·(2/3) = 4 → θ = 4/3
        assertThat(bcc.units().get(1).efficiency()).isCloseTo(4.0 / 3, within(EXACT));
        assertThat(bcc.units().get(1).rank()).isEqualTo(2);
        assertThat(bcc.units().get(0).rank()).isEqualTo(1);
    }

    @Test
    void identicalUnitsAreAllEfficientDespiteTheDegenerateProgram() {
        double[][] x = {{3, 5}, {3, 5}, {3, 5}, {3, 5}};
        double[][] y = {{7}, {7}, {7}, {7}};
        for (DeaModel model : DeaModel.values()) {
            for (Orientation o : Orientation.values()) {
                DeaResult r = Dea.evaluate(data(x, y), model, o, true);
                assertThat(r.units()).allSatisfy(u -> {
                    assertThat(u.score()).isEqualTo(1.0);
                    assertThat(u.status()).isEqualTo(EfficiencyStatus.EFFICIENT);
                    assertThat(u.returnsToScale()).isEqualTo(ReturnsToScale.CRS);
                    // each unit's twin stays in the reference set: super-efficiency 1, all tied first
                    assertThat(u.efficiency()).isCloseTo(1.0, within(EXACT));
                    assertThat(u.rank()).isEqualTo(1);
                });
            }
        }
    }

    @Test
    void zerosAreAcceptedWhereTheModelStaysFeasible() {
        // unit 2 uses none of input 2; it is then efficient (no one else does with none)
        double[][] x = {{2, 1}, {3, 0}, {4, 2}};
        double[][] y = {{1}, {1}, {1}};
        DeaResult r = Dea.evaluate(data(x, y), DeaModel.CCR, Orientation.INPUT, false);
        assertThat(r.units().get(1).score()).isEqualTo(1.0);
        // unit 3 (4,2) against unit 1 (2,1): θ = 1/2
        assertThat(r.units().get(2).score()).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void singleInputSingleOutputCcrMatchesTheClosedFormOnRandomDataOfMixedMagnitudes() {
        // with one input and one output the CCR score is (y/x) / max(y/x): an independent check of the LP at 1e-9
        Random random = new Random(20261204);
        int n = 300;
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        double best = 0;
        for (int j = 0; j < n; j++) {
            x[j][0] = Math.pow(10, 3 * random.nextDouble() + 3) * (1 + random.nextDouble()); // cost: 1e3..2e6
            y[j][0] = 1 + random.nextInt(500);
            best = Math.max(best, y[j][0] / x[j][0]);
        }
        DeaResult r = Dea.evaluate(data(x, y), DeaModel.CCR, Orientation.OUTPUT, false);
        for (int j = 0; j < n; j++) {
            assertThat(r.units().get(j).score()).isCloseTo(y[j][0] / x[j][0] / best, within(EXACT));
        }
    }

    @Test
    void twoInputsOneOutputCcrMatchesABruteForceOverPairsOnRandomData() {
        // unit output 1, two inputs: θ = min over pairs (j,k) and a in [0,1] of max_i (a·x_ji + (1−a)·x_ki) / x_oi;
        // the minimum over a lies at 0, 1 or where the two ratios cross
        Random random = new Random(7);
        int n = 60;
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int j = 0; j < n; j++) {
            x[j][0] = 1 + 99 * random.nextDouble();
            x[j][1] = 1 + 99 * random.nextDouble();
            y[j][0] = 1;
        }
        DeaResult r = Dea.evaluate(data(x, y), DeaModel.CCR, Orientation.INPUT, false);
        for (int o = 0; o < n; o++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    List<Double> as = new ArrayList<>(List.of(0.0, 1.0));
                    // (a·xj0 + (1−a)·xk0)/xo0 = (a·xj1 + (1−a)·xk1)/xo1
                    double p = (x[j][0] - x[k][0]) / x[o][0] - (x[j][1] - x[k][1]) / x[o][1];
                    double q = x[k][1] / x[o][1] - x[k][0] / x[o][0];
                    if (p != 0 && q / p > 0 && q / p < 1) {
                        as.add(q / p);
                    }
                    for (double a : as) {
                        double t = Math.max((a * x[j][0] + (1 - a) * x[k][0]) / x[o][0],
                                (a * x[j][1] + (1 - a) * x[k][1]) / x[o][1]);
                        best = Math.min(best, t);
                    }
                }
            }
            assertThat(r.units().get(o).score()).as("unit %d", o).isCloseTo(Math.min(1, best), within(EXACT));
        }
    }

    @Test
    void fewerUnitsThanInputsPlusOutputsIsAWarning() {
        double[][] x = {{1, 2, 3}, {2, 1, 3}};
        double[][] y = {{1, 2}, {2, 1}};
        DeaResult r = Dea.evaluate(data(x, y), DeaModel.CCR, Orientation.INPUT, false);
        assertThat(r.warnings()).extracting(Problem::messageKey).containsExactly("efficiency.warning.fewUnits");
        assertThat(r.warnings().get(0).args()).containsExactly(2, 5);
        assertThat(r.units()).allSatisfy(u -> assertThat(u.score()).isEqualTo(1.0));
    }

    @Test
    void badInputListsEveryProblem() {
        assertThatThrownBy(() -> DeaData.of(rows(new double[][] {{1, 2}}), rows(new double[][] {{1}}), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("efficiency.method.tooFewUnits"));

        List<List<Double>> inputs = new ArrayList<>(rows(new double[][] {{1, 2}, {3}, {0, 0}, {-1, 2}}));
        inputs.add(java.util.Arrays.asList(1.0, null));
        List<List<Double>> outputs = rows(new double[][] {{1}, {1}, {1}, {1}, {0}});
        assertThatThrownBy(() -> DeaData.of(inputs, outputs, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.module()).isEqualTo("efficiency");
                    assertThat(e.problems()).extracting(Problem::path, Problem::messageKey).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("inputs[1]", "efficiency.method.ragged"),
                            org.assertj.core.groups.Tuple.tuple("inputs[3][0]", "efficiency.method.negative"),
                            org.assertj.core.groups.Tuple.tuple("inputs[4][1]", "efficiency.method.notANumber"));
                });

        // shape is fine, but a unit without inputs, a unit without outputs and an output nobody has
        assertThatThrownBy(() -> DeaData.of(rows(new double[][] {{1, 2}, {0, 0}, {2, 2}}),
                rows(new double[][] {{1, 0}, {1, 0}, {0, 0}}), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path, Problem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("inputs[1]", "efficiency.method.unitWithoutInput"),
                                org.assertj.core.groups.Tuple.tuple("outputs[2]",
                                        "efficiency.method.unitWithoutOutput"),
                                org.assertj.core.groups.Tuple.tuple("outputs", "efficiency.method.outputAlwaysZero")));

        assertThatThrownBy(() -> DeaData.of(rows(new double[][] {{1}, {2}}), rows(new double[][] {{1}}), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::messageKey).containsExactly("efficiency.method.rowsDiffer"));
    }
}
