package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitStatus;

/** Completeness worked out on small cases by hand: gaps per month, the share, the filters, the pages, bad queries. */
class CompletenessTest {

    static final YearMonth CURRENT = YearMonth.of(2027, 1);

    @Test
    void eachMonthListsTheExpectedMeasuresNotReportedAndTheShareCountsEveryCell() {
        // expected a, b over 2026-11 and 2026-12; U1 reported a and b in November, a in December (1 missing);
        // U2 nothing (4 missing). Cells 2 units × 2 months × 2 = 8, reported 3 → 3 / 8 = 0.375
        CompletenessQuery q = CompletenessQuery.parse("CLINICAL", "2026-11", "2026-12", null, null, false, 0,
                CURRENT);
        Map<Long, Map<YearMonth, Set<String>>> reported = Map.of(1L, Map.of(
                YearMonth.of(2026, 11), Set.of("a", "b", "other"), YearMonth.of(2026, 12), Set.of("a")));
        Completeness c = Completeness.of(q, List.of("a", "b"), true, List.of(unit(1, "U1", "心内科"),
                unit(2, "U2", "骨科")), reported);
        assertThat(c.months()).containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        assertThat(c.cells()).isEqualTo(8);
        assertThat(c.reported()).isEqualTo(3);
        assertThat(c.share()).isEqualByComparingTo("0.375");
        Completeness.UnitRow u1 = c.units().items().get(0);
        assertThat(u1.months().get(0).complete()).isTrue();
        assertThat(u1.months().get(1).missing()).containsExactly("b");
        assertThat(u1.missing()).isEqualTo(1);
        assertThat(c.units().items().get(1).missing()).isEqualTo(4);
        assertThat(c.units().items().get(1).months().get(0).missing()).containsExactly("a", "b");
    }

    @Test
    void textAndOnlyGapsFilterTheUnitsAndTheShareFollowsThem() {
        // U1 complete in 2026-12, U2 missing a: only gaps → U2 alone, 1 cell of 1, 0 reported
        CompletenessQuery gaps = CompletenessQuery.parse("CLINICAL", "2026-12", "2026-12", null, null, true, 0,
                CURRENT);
        Map<Long, Map<YearMonth, Set<String>>> reported = Map.of(1L, Map.of(YearMonth.of(2026, 12), Set.of("a")));
        List<UnitRef> units = List.of(unit(1, "U1", "心内科"), unit(2, "U2", "骨科"));
        Completeness c = Completeness.of(gaps, List.of("a"), true, units, reported);
        assertThat(c.units().items()).extracting(r -> r.unit().code()).containsExactly("U2");
        assertThat(c.cells()).isEqualTo(1);
        assertThat(c.reported()).isZero();
        // by name, ignoring case in codes: "心" finds U1, "u2" finds U2
        assertThat(Completeness.of(CompletenessQuery.parse("CLINICAL", "2026-12", "2026-12", null, "心", false, 0,
                CURRENT), List.of("a"), true, units, reported).units().items()).extracting(r -> r.unit().code())
                .containsExactly("U1");
        assertThat(Completeness.of(CompletenessQuery.parse("CLINICAL", "2026-12", "2026-12", null, "u2", false, 0,
                CURRENT), List.of("a"), true, units, reported).units().items()).extracting(r -> r.unit().code())
                .containsExactly("U2");
        // nothing expected: no cells, no share
        assertThat(Completeness.of(gaps, List.of(), false, units, reported).share()).isNull();
    }

    @Test
    void unitsArePagedByTwenty() {
        // 45 units: pages of 20, 20 and 5; page 2 starts at the 41st (U41)
        List<UnitRef> units = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            units.add(unit(i, "U%02d".formatted(i), "科室" + i));
        }
        CompletenessQuery third = CompletenessQuery.parse("CLINICAL", "2026-12", "2026-12", null, null, false, 2,
                CURRENT);
        Completeness c = Completeness.of(third, List.of("a"), true, units, new HashMap<>());
        assertThat(c.units().total()).isEqualTo(45);
        assertThat(c.units().pageCount()).isEqualTo(3);
        assertThat(c.units().items()).extracting(r -> r.unit().code())
                .containsExactly("U41", "U42", "U43", "U44", "U45");
        assertThat(c.cells()).isEqualTo(45);   // the share counts every unit, not only the page
    }

    @Test
    void withoutMonthsTheWindowIsTheSixMonthsBeforeTheCurrentOne() {
        // current 2027-01 → 2026-07 to 2026-12
        CompletenessQuery q = CompletenessQuery.parse(null, null, null, null, null, false, 0, CURRENT);
        assertThat(q.type()).isEqualTo(UnitType.CLINICAL);
        assertThat(q.from()).isEqualTo(YearMonth.of(2026, 7));
        assertThat(q.to()).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> CompletenessQuery.parse("EXAM_CENTER", "2026-13", "2027-02", null, null, false, 0,
                CURRENT)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(Problem::path, Problem::messageKey).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("type", "intake.completeness.error.type"),
                        org.assertj.core.groups.Tuple.tuple("from", "intake.completeness.error.month"),
                        org.assertj.core.groups.Tuple.tuple("to", "intake.completeness.error.future")));
        assertThatThrownBy(() -> CompletenessQuery.parse("CLINICAL", "2026-09", "2026-08", null, null, false, 0,
                CURRENT)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(Problem::path).containsExactly("to"));
        // 2024-12 to 2026-12 is 25 months, one more than allowed
        assertThatThrownBy(() -> CompletenessQuery.parse("CLINICAL", "2024-12", "2026-12", null, null, false, 0,
                CURRENT)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(Problem::messageKey).containsExactly("intake.completeness.error.window"));
        assertThat(CompletenessQuery.parse("CLINICAL", "2025-01", "2026-12", null, null, false, 0, CURRENT).months())
                .hasSize(24);
    }

    private static UnitRef unit(long id, String code, String name) {
        return new UnitRef(id, code, name, UnitType.CLINICAL, UnitStatus.ACTIVE);
    }
}
