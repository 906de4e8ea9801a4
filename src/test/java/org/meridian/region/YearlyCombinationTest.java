package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Period;

/**
 * The yearly ranking of performance and brand, combined by hand (the rule: docs/region.md, "The yearly ranking").
 * Four quarters of 2026, five primary-care institutions (performance / brand index per quarter; "—" no value, "absent"
 * not scored in that quarter at all):
 * <pre>
 *        Q1            Q2            Q3            Q4
 * A   80 / 50       82 / 50       78 / 50       84 / 50
 * B   90 / —        70 / —        80.5 / —      83.5 / —
 * C   70.005 / 90   70.005 / 80   70.004 / 70   70.004 / 60
 * D   95 / 88       95 / 88       absent        95 / 88
 * E   60 / 75       60 / 75       60 / 75       60 / 75
 * </pre>
 * Performance: A (80 + 82 + 78 + 84) / 4 = 324 / 4 = 81.00; B (90 + 70 + 80.5 + 83.5) / 4 = 324 / 4 = 81.00, so A and
 * B share rank 1; C 280.018 / 4 = 70.0045 → 70.00 (rounded once at the end; rounding each quarter first would give
 * (70.01 + 70.01 + 70.00 + 70.00) / 4 = 70.005 → 70.01), rank 3 (1, 1, 3); E 60.00, rank 4; D 285 / 3 = 95.00 over 3 of
 * 4 quarters: listed, not ranked.
 * Brand: C (90 + 80 + 70 + 60) / 4 = 75.00 and E 75.00 share rank 1; A 50.00 rank 3; B has no brand index (null, 0
 * quarters, not ranked); D 88.00 over 3 quarters, not ranked.
 * Order: by performance rank, then brand rank, then code: A (1, 3), B (1, none), C, E, D.
 */
class YearlyCombinationTest {

    private static YearlyCombination.Scores s(String code, String performance, String brand) {
        return new YearlyCombination.Scores(code, performance == null ? null : new BigDecimal(performance),
                brand == null ? null : new BigDecimal(brand));
    }

    private static YearlyCombination.PeriodScores q(int quarter, YearlyCombination.Scores... scores) {
        return new YearlyCombination.PeriodScores(Period.quarter(2026, quarter), List.of(scores));
    }

    @Test
    void aYearIsTheMeanOfItsQuartersRoundedOnceAndAnInstitutionMissingOneIsListedButNotRanked() {
        List<YearlyCombination.Entry> year = YearlyCombination.combine(List.of(
                q(1, s("A", "80", "50"), s("B", "90", null), s("C", "70.005", "90"), s("D", "95", "88"), s("E", "60", "75")),
                q(2, s("A", "82", "50"), s("B", "70", null), s("C", "70.005", "80"), s("D", "95", "88"), s("E", "60", "75")),
                q(3, s("A", "78", "50"), s("B", "80.5", null), s("C", "70.004", "70"), s("E", "60", "75")),
                q(4, s("A", "84", "50"), s("B", "83.5", null), s("C", "70.004", "60"), s("D", "95", "88"), s("E", "60", "75"))));

        assertThat(year).extracting(YearlyCombination.Entry::institution).containsExactly("A", "B", "C", "E", "D");
        List<String> rows = new ArrayList<>();
        for (YearlyCombination.Entry e : year) {
            rows.add(e.institution() + " " + e.performance().mean() + " " + e.performance().periods() + " "
                    + e.performance().rank() + " | " + e.brand().mean() + " " + e.brand().periods() + " "
                    + e.brand().rank());
        }
        assertThat(rows).containsExactly(
                "A 81.00 4 1 | 50.00 4 3",
                "B 81.00 4 1 | null 0 null",
                "C 70.00 4 3 | 75.00 4 1",
                "E 60.00 4 4 | 75.00 4 1",
                "D 95.00 3 null | 88.00 3 null");
    }

    @Test
    void aYearIsMadeOfTheLongestKindOfPeriodPublishedInIt() {
        Period jan = Period.month(2026, 1);
        Period feb = Period.month(2026, 2);
        Period mar = Period.month(2026, 3);
        // quarters beat months; a quarter of 2025 is another year
        assertThat(YearlyCombination.periodsOfYear(Set.of(jan, feb, Period.quarter(2026, 2), Period.quarter(2026, 1),
                Period.quarter(2025, 4)), 2026)).containsExactly(Period.quarter(2026, 1), Period.quarter(2026, 2));
        // the yearly evaluation alone when there is one
        assertThat(YearlyCombination.periodsOfYear(Set.of(Period.year(2026), Period.quarter(2026, 1),
                Period.half(2026, 2)), 2026)).containsExactly(Period.year(2026));
        // months only: in order, gaps allowed
        assertThat(YearlyCombination.periodsOfYear(Set.of(mar, jan), 2026)).containsExactly(jan, mar);
        assertThat(YearlyCombination.periodsOfYear(Set.of(Period.quarter(2025, 4)), 2026)).isEmpty();
        assertThat(YearlyCombination.combine(List.of())).isEmpty();
    }
}
