package org.meridian.allocation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;

/** Bounded proportional allocation, worked by hand. */
class BoundedAllocationTest {

    static List<BigDecimal> dec(double... v) {
        return java.util.Arrays.stream(v).mapToObj(BigDecimal::valueOf).toList();
    }

    static List<BigDecimal> money(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void proportionalWithoutBounds() {
        // 1000 over demand 1, 2, 3, 4: λ = 100
        var r = BoundedAllocation.allocate(new BigDecimal("1000"), dec(1, 2, 3, 4), null, null, null, null, null);
        assertThat(r.allocations()).isEqualTo(money("100.00", "200.00", "300.00", "400.00"));
        assertThat(r.lambda()).isEqualByComparingTo("100");
    }

    @Test
    void aFloorTakesItsShareFirstAndTheFenAddUpByLargestRemainder() {
        // floor 150 for unit 0 (λ·1 would be below it): the other 850 over demand 2+3+4 = 9, λ = 850/9 = 94.444…
        // exact 188.888…, 283.333…, 377.777…; rounded down 188.88 + 283.33 + 377.77 + 150 = 999.98, 2 fen left,
        // to the largest remainders .888 (unit 1) and .777 (unit 3)
        var r = BoundedAllocation.allocate(new BigDecimal("1000"), dec(1, 2, 3, 4), dec(150, 0, 0, 0), null, null,
                null, "CNY");
        assertThat(r.allocations()).isEqualTo(money("150.00", "188.89", "283.33", "377.78"));
        assertThat(r.lambda().doubleValue()).isCloseTo(850.0 / 9, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void capsAndTheSmallestLambda() {
        // caps 10 and 10, budget 20: Σx = 2λ until λ = 10, then flat; the smallest λ is 10
        var r = BoundedAllocation.allocate(new BigDecimal("20"), dec(1, 1), null, dec(10, 10), null, null, null);
        assertThat(r.allocations()).isEqualTo(money("10.00", "10.00"));
        assertThat(r.lambda()).isEqualByComparingTo("10");
        // cap 100 on unit 1 of 1000 over demand 1, 9: unit 1 capped at 100, unit 0 takes 900 (λ = 900)
        var capped = BoundedAllocation.allocate(new BigDecimal("1000"), dec(1, 9), null, dec(5000, 100), null, null,
                null);
        assertThat(capped.allocations()).isEqualTo(money("900.00", "100.00"));
        assertThat(capped.lambda()).isEqualByComparingTo("900");
    }

    @Test
    void paceOfChangeAgainstThePreviousPlan() {
        // previous 100, 100; maxChange 0.1: bounds [90, 110] each; demand 1, 3 for 200 would give 50, 150,
        // so unit 0 is held at 90 and unit 1 at 110
        var r = BoundedAllocation.allocate(new BigDecimal("200"), dec(1, 3), null, null, dec(100, 100),
                new BigDecimal("0.1"), null);
        assertThat(r.allocations()).isEqualTo(money("90.00", "110.00"));
    }

    @Test
    void wholeUnitsEqualRemaindersGoToTheLowerIndexFirst() {
        // 10 beds over three equal demands: 3.333… each, 1 bed left → unit 0
        var r = BoundedAllocation.allocate(new BigDecimal("10"), dec(1, 1, 1), null, null, null, null, "WHOLE");
        assertThat(r.allocations()).isEqualTo(money("4", "3", "3"));
    }

    @Test
    void unitsWithoutDemandStayAtTheirFloor() {
        var r = BoundedAllocation.allocate(new BigDecimal("100"), dec(0, 1), dec(30, 0), null, null, null, null);
        assertThat(r.allocations()).isEqualTo(money("30.00", "70.00"));
    }

    @Test
    void theSumIsAlwaysTheBudgetToTheFen() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(200);
            List<BigDecimal> demand = IntStream.range(0, n).mapToObj(i -> BigDecimal.valueOf(random.nextDouble()))
                    .toList();
            BigDecimal budget = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
            var r = BoundedAllocation.allocate(budget, demand, null, null, null, null, null);
            assertThat(r.allocations().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(budget);
        }
    }

    @Test
    void theQuickWayFindsTheSameLambdaAsTheExactSweepOrLeavesItToTheSweep() {
        // the quick way guesses in doubles and checks the guess exactly; wherever it answers, its λ must be the
        // sweep's (to 30 significant digits: the two divide in a different order) and every unit's amount the same.
        // Floors and caps from a few values only, so that many units share a breakpoint, and some instances with
        // breakpoints 1e-20 apart (doubles cannot order them: the quick way must give up, never answer wrongly)
        Random random = new Random(29);
        int answered = 0;
        int leftToSweep = 0;
        java.math.MathContext thirty = new java.math.MathContext(30);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(300);
            boolean close = round % 10 == 0;
            BigDecimal[] d = new BigDecimal[n];
            BigDecimal[] lo = new BigDecimal[n];
            BigDecimal[] hi = new BigDecimal[n];
            BigDecimal floors = BigDecimal.ZERO;
            BigDecimal caps = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                d[i] = random.nextInt(8) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(1 + random.nextInt(20));
                lo[i] = BigDecimal.valueOf(random.nextInt(4) * 50);
                if (close && i % 2 == 1) {
                    lo[i] = lo[i].add(new BigDecimal("1e-20"));
                }
                hi[i] = random.nextInt(3) == 0 ? null : lo[i].add(BigDecimal.valueOf(50 + random.nextInt(3) * 100));
                floors = floors.add(lo[i]);
                caps = caps.add(d[i].signum() == 0 ? lo[i] : hi[i] == null ? BigDecimal.valueOf(1_000_000) : hi[i]);
            }
            if (caps.compareTo(floors) <= 0) {
                continue;
            }
            // a budget strictly between Σ floors and Σ caps (or the top of the range)
            BigDecimal budget = floors.add(caps.subtract(floors).multiply(BigDecimal.valueOf(random.nextInt(101)))
                    .divide(BigDecimal.valueOf(100)));
            BigDecimal[] exact = new BigDecimal[n];
            BigDecimal quick = BoundedAllocation.guided(budget, d, lo, hi, exact);
            BigDecimal swept = BoundedAllocation.lambda(budget, d, lo, hi);
            if (quick == null) {
                leftToSweep++;
                continue;
            }
            answered++;
            assertThat(quick.round(thirty)).as("round %d", round).isEqualByComparingTo(swept.round(thirty));
            for (int i = 0; i < n; i++) {
                BigDecimal x = swept.multiply(d[i]).max(lo[i]);
                x = hi[i] == null ? x : x.min(hi[i]);
                assertThat(exact[i].round(thirty)).as("round %d unit %d", round, i).isEqualByComparingTo(x.round(thirty));
            }
        }
        assertThat(answered).as("instances the quick way answered").isGreaterThan(100);
        assertThat(leftToSweep).as("instances left to the exact sweep").isGreaterThan(0);
    }

    @Test
    void impossibleBoundsNameTheBound() {
        assertThatThrownBy(() -> BoundedAllocation.allocate(new BigDecimal("100"), dec(1, 1), dec(60, 60), null,
                null, null, null)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::path, Problem::messageKey).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("floors", "allocation.allocate.floorsAboveBudget"));
                    assertThat(e.problems().get(0).args()).containsExactly("120", "100");
                });
        assertThatThrownBy(() -> BoundedAllocation.allocate(new BigDecimal("100"), dec(1, 1), null, dec(30, 30),
                null, null, null)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path, Problem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("caps", "allocation.allocate.capsBelowBudget")));
        assertThatThrownBy(() -> BoundedAllocation.allocate(new BigDecimal("100.005"), dec(0, 0), null, null, null,
                null, null)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path, Problem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("budget", "allocation.allocate.budgetFen"),
                                org.assertj.core.groups.Tuple.tuple("demand", "allocation.allocate.allZero")));
        assertThatThrownBy(() -> BoundedAllocation.allocate(new BigDecimal("100"), dec(1, 1), dec(50, 0),
                dec(40, 100), null, null, null)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("floors[0]"));
    }
}
