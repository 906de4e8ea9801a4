package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The rule of docs/exams.md on records of one patient and item; instants in UTC. */
class RepeatRuleTest {

    static final Institution A = Institution.hospital(1);
    static final Institution B = Institution.hospital(2);
    static final Institution C = new Institution(1, 7);
    static final Duration SEVEN_DAYS = Duration.ofHours(7 * 24);

    @Test
    void theValidityWindowIncludesItsStartAndExcludesTheSameInstant() {
        // b at 00:00 on the 1st; a1 exactly 7 × 24 h = 168 h later (in), a2 at b + 168 h + 1 s (out),
        // and c at the same instant as b (not earlier, so no repeat of b and b none of c); a2 has two earlier
        // results at t0, b (id 1) and c (id 3): the latest in the order instant-then-id is c
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        List<RepeatRule.Result> r = RepeatRule.apply(List.of(
                rec(1, B, t0, true, false),
                rec(2, A, t0.plus(SEVEN_DAYS), true, false),
                rec(3, C, t0, true, false)), SEVEN_DAYS, (x, y) -> true);
        assertThat(r).containsExactly(
                new RepeatRule.Result(1, Outcome.NONE, null),
                new RepeatRule.Result(3, Outcome.NONE, null),
                new RepeatRule.Result(2, Outcome.REPEAT, 3L));
        assertThat(RepeatRule.apply(List.of(rec(1, B, t0, true, false),
                rec(2, A, t0.plus(SEVEN_DAYS).plusSeconds(1), true, false)), SEVEN_DAYS, (x, y) -> true))
                .extracting(RepeatRule.Result::outcome).containsExactly(Outcome.NONE, Outcome.NONE);
    }

    @Test
    void anotherInstitutionInScopeWinsOverTheSameInstitutionAndScopeIsAsked() {
        // a1 at A on day 1, b at B on day 2, a2 at A on day 3: a2 has both an earlier A and an earlier B
        Instant d1 = Instant.parse("2026-10-01T00:00:00Z");
        List<RepeatRule.Rec> recs = List.of(rec(1, A, d1, true, false),
                rec(2, B, d1.plus(Duration.ofDays(1)), true, false),
                rec(3, A, d1.plus(Duration.ofDays(2)), true, false));
        assertThat(RepeatRule.apply(recs, SEVEN_DAYS, (x, y) -> true)).extracting(RepeatRule.Result::outcome)
                .containsExactly(Outcome.NONE, Outcome.REPEAT, Outcome.REPEAT);
        // B not in scope of A (alliance scope, no shared alliance): b is none, a2 only a same-institution repeat
        assertThat(RepeatRule.apply(recs, SEVEN_DAYS, (x, y) -> false))
                .containsExactly(new RepeatRule.Result(1, Outcome.NONE, null),
                        new RepeatRule.Result(2, Outcome.NONE, null),
                        new RepeatRule.Result(3, Outcome.SAME_INSTITUTION, 1L));
    }

    @Test
    void anExceptionOrAnUnrecognisableEarlierResultMakesNoRepeat() {
        Instant d1 = Instant.parse("2026-10-01T00:00:00Z");
        assertThat(RepeatRule.apply(List.of(rec(1, B, d1, true, false),
                rec(2, A, d1.plusSeconds(60), true, true)), SEVEN_DAYS, (x, y) -> true))
                .extracting(RepeatRule.Result::outcome).containsExactly(Outcome.NONE, Outcome.NONE);
        assertThat(RepeatRule.apply(List.of(rec(1, B, d1, false, false),
                rec(2, A, d1.plusSeconds(60), true, false)), SEVEN_DAYS, (x, y) -> true))
                .extracting(RepeatRule.Result::outcome).containsExactly(Outcome.NONE, Outcome.NONE);
        // a record with an exception still counts as the earlier result of a later one
        assertThat(RepeatRule.apply(List.of(rec(1, B, d1, true, true),
                rec(2, A, d1.plusSeconds(60), true, false)), SEVEN_DAYS, (x, y) -> true))
                .extracting(RepeatRule.Result::outcome).containsExactly(Outcome.NONE, Outcome.REPEAT);
        assertThat(RepeatRule.apply(List.of(), SEVEN_DAYS, (x, y) -> true)).isEmpty();
    }

    @Test
    void theOrderOfTheInputDoesNotMatter() {
        Instant d1 = Instant.parse("2026-10-01T00:00:00Z");
        List<RepeatRule.Rec> recs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Institution at = i % 3 == 0 ? A : i % 3 == 1 ? B : C;
            recs.add(rec(i + 1, at, d1.plus(Duration.ofHours(20L * i)), i % 4 != 0, i % 5 == 0));
        }
        List<RepeatRule.Result> expected = RepeatRule.apply(recs, Duration.ofDays(2), (x, y) -> !x.equals(C));
        Random random = new Random(7);
        for (int k = 0; k < 20; k++) {
            List<RepeatRule.Rec> shuffled = new ArrayList<>(recs);
            Collections.shuffle(shuffled, random);
            assertThat(RepeatRule.apply(shuffled, Duration.ofDays(2), (x, y) -> !x.equals(C))).isEqualTo(expected);
        }
    }

    private static RepeatRule.Rec rec(long id, Institution at, Instant t, boolean recognisable, boolean excepted) {
        return new RepeatRule.Rec(id, at, t, recognisable, excepted);
    }
}
