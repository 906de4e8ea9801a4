package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.support.Actors;
import org.meridian.indicator.Measure;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollup check (汇总核对) recomputes every daily measure from the live events with set-based SQL and
 * compares it with the rollups kept while the events came in. The data is built to catch mistakes: a
 * hospital in New York across the end of daylight saving time (local dates that differ from Shanghai and
 * from UTC), pairs sent in either order and in separate batches, an ACCEPTED before its REFERRAL, an
 * ACCEPTED at another channel, voids of either side of a pair, a refund, surveys on the NPS edges, and
 * re-sent duplicates. The expected measures are worked out by hand in the comments.
 */
@MeridianTest
class RollupCheckTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired EventIntake intake;
    @Autowired RollupCheckCommand command;
    @Autowired TestChannels channels;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    final String p = UUID.randomUUID().toString().substring(0, 8);

    record Built(Hospital hospital, long a, long b) {
    }

    static RawEvent ev(String id, String type, String channel, String at, String referralId, Object value,
                       Map<String, String> attributes) {
        return RawEvent.of(id, type, channel, at, referralId, "patient-" + id, value, attributes);
    }

    void send(Hospital h, RawEvent... rows) {
        IngestReport report = intake.record(Actors.manager(h.id(), "tester"), List.of(rows), 0, EventIntake.Source.API, null);
        assertThat(report.rejected()).isEmpty();
    }

    Built build() {
        Hospital h = hospitals.create("RC-" + p, "核对医院 " + p, NEW_YORK);
        long a = channels.create(h.id(), "A");
        long b = channels.create(h.id(), "B");
        // R1: ACCEPTED arrives before its REFERRAL, in another batch; 20:00 → 23:30 local on 10-31 = 3.5 h
        send(h, ev("a1", "ACCEPTED", "A", "2026-10-31T23:30:00-04:00", "R1", null, Map.of()));
        send(h, ev("r1", "REFERRAL", "A", "2026-11-01T00:00:00Z", "R1", null, Map.of()));
        // R2: across the end of daylight saving time: 00:30 EDT → 01:30 EST on 11-01 is 2 h, not 1 h
        send(h, ev("r2", "REFERRAL", "B", "2026-11-01T00:30:00-04:00", "R2", null, Map.of()),
                ev("a2", "ACCEPTED", "B", "2026-11-01T01:30:00-05:00", "R2", null, Map.of()));
        // R3: ACCEPTED an hour before its REFERRAL: counted in accepted, not as a response
        send(h, ev("r3", "REFERRAL", "A", "2026-11-02T10:00:00-05:00", "R3", null, Map.of()),
                ev("a3", "ACCEPTED", "A", "2026-11-02T09:00:00-05:00", "R3", null, Map.of()));
        // R4: accepted at channel B; the response counts for A (the REFERRAL's channel) on B's ACCEPTED date.
        // Sent with a Shanghai offset: 2026-11-03T09:00+08:00 is 11-02 20:00 in New York; 4 h after 16:00
        send(h, ev("r4", "REFERRAL", "A", "2026-11-02T16:00:00-05:00", "R4", null, Map.of()),
                ev("a4", "ACCEPTED", "B", "2026-11-03T09:00:00+08:00", "R4", null, Map.of()));
        // R5: a pair whose REFERRAL is voided: nothing of it counts but the ACCEPTED
        send(h, ev("r5", "REFERRAL", "A", "2026-11-03T08:00:00-05:00", "R5", null, Map.of()),
                ev("a5", "ACCEPTED", "A", "2026-11-03T09:00:00-05:00", "R5", null, Map.of()));
        intake.voidEvent(Actors.manager(h.id(), "tester"), "r5", "sent by mistake");
        // R6: the ACCEPTED is voided and a corrected one sent: 08:00 → 08:00:00 (0 h counts)
        send(h, ev("r6", "REFERRAL", "A", "2026-11-03T08:00:00-05:00", "R6", null, Map.of()),
                ev("a6", "ACCEPTED", "A", "2026-11-03T18:00:00-05:00", "R6", null, Map.of()));
        intake.voidEvent(Actors.manager(h.id(), "tester"), "a6", "wrong time");
        send(h, ev("a6b", "ACCEPTED", "A", "2026-11-03T08:00:00-05:00", "R6", null, Map.of()));
        // revenue just before and just after local midnight (05:00Z is 00:00 EST), and a refund
        send(h, ev("v1", "REVENUE", "B", "2026-11-02T04:59:59Z", null, new BigDecimal("1200.50"), Map.of()),
                ev("v2", "REVENUE", "B", "2026-11-02T05:00:00Z", null, new BigDecimal("300"), Map.of()),
                ev("v3", "REVENUE", "B", "2026-11-02T12:00:00Z", null, new BigDecimal("-300.00"), Map.of()));
        // surveys: 4 with recommend 9 (satisfied, promoter), 3.5 with 6 (detractor), 5 with 7, 2 without,
        // and a voided one with recommend 10
        send(h, ev("s1", "SURVEY", "B", "2026-11-04T10:00:00-05:00", null, new BigDecimal("4"), Map.of("recommend", "9")),
                ev("s2", "SURVEY", "B", "2026-11-04T10:00:00-05:00", null, new BigDecimal("3.5"), Map.of("recommend", "6")),
                ev("s3", "SURVEY", "B", "2026-11-04T10:00:00-05:00", null, new BigDecimal("5"), Map.of("recommend", "7")),
                ev("s4", "SURVEY", "B", "2026-11-04T10:00:00-05:00", null, new BigDecimal("2"), Map.of()),
                ev("s5", "SURVEY", "B", "2026-11-04T10:00:00-05:00", null, new BigDecimal("5"), Map.of("recommend", "10")));
        intake.voidEvent(Actors.manager(h.id(), "tester"), "s5", "test answer");
        // the others, and a re-send of an earlier batch (duplicates add nothing)
        send(h, ev("x1", "ARRIVED", "A", "2026-11-04T23:59:59-05:00", null, null, Map.of()),
                ev("x2", "CONVERTED", "A", "2026-11-05T00:00:00-05:00", null, null, Map.of()),
                ev("x3", "COMPLAINT", "A", "2026-11-05T01:00:00-05:00", null, null, Map.of()),
                ev("x4", "RETURN_VISIT", "A", "2026-11-05T01:00:00-05:00", null, null, Map.of()),
                ev("x5", "FEEDBACK", "A", "2026-11-05T01:00:00-05:00", null, null, Map.of()));
        send(h, ev("r2", "REFERRAL", "B", "2026-11-01T00:30:00-04:00", "R2", null, Map.of()),
                ev("a2", "ACCEPTED", "B", "2026-11-01T01:30:00-05:00", "R2", null, Map.of()));
        return new Built(h, a, b);
    }

    BigDecimal measure(Built built, long channel, String date, Measure m) {
        LocalDate d = LocalDate.parse(date);
        return intake.daily(built.hospital().id(), channel, d, d).getOrDefault(d, Map.of())
                .getOrDefault(m, BigDecimal.ZERO);
    }

    @Test
    void theRecomputedMeasuresEqualTheIncrementalRollupsAndBothAreRight() {
        Built built = build();
        assertThat(intake.checkRollups(built.hospital().id())).isEmpty();

        long a = built.a();
        long b = built.b();
        assertThat(measure(built, a, "2026-10-31", Measure.RESPONSE_COUNT)).isEqualByComparingTo("1");
        assertThat(measure(built, a, "2026-10-31", Measure.RESPONSE_HOURS_SUM)).isEqualByComparingTo("3.5");
        assertThat(measure(built, a, "2026-10-31", Measure.REFERRALS)).isEqualByComparingTo("1");
        assertThat(measure(built, b, "2026-11-01", Measure.RESPONSE_HOURS_SUM)).isEqualByComparingTo("2");
        assertThat(measure(built, b, "2026-11-01", Measure.REFERRALS)).isEqualByComparingTo("1");
        // 11-02 at A: R3 (not counted) and R4 (4 h, accepted at B on 11-02 local)
        assertThat(measure(built, a, "2026-11-02", Measure.RESPONSE_COUNT)).isEqualByComparingTo("1");
        assertThat(measure(built, a, "2026-11-02", Measure.RESPONSE_HOURS_SUM)).isEqualByComparingTo("4");
        assertThat(measure(built, a, "2026-11-02", Measure.ACCEPTED)).isEqualByComparingTo("1");
        assertThat(measure(built, b, "2026-11-02", Measure.ACCEPTED)).isEqualByComparingTo("1");
        // 11-03 at A: R5 voided (its ACCEPTED stays), R6 answered in 0 h by the corrected ACCEPTED
        assertThat(measure(built, a, "2026-11-03", Measure.REFERRALS)).isEqualByComparingTo("1");
        assertThat(measure(built, a, "2026-11-03", Measure.ACCEPTED)).isEqualByComparingTo("2");
        assertThat(measure(built, a, "2026-11-03", Measure.RESPONSE_COUNT)).isEqualByComparingTo("1");
        assertThat(measure(built, a, "2026-11-03", Measure.RESPONSE_HOURS_SUM)).isEqualByComparingTo("0");
        assertThat(measure(built, b, "2026-11-01", Measure.REVENUE)).isEqualByComparingTo("1200.50");
        assertThat(measure(built, b, "2026-11-02", Measure.REVENUE)).isEqualByComparingTo("0");
        assertThat(measure(built, b, "2026-11-04", Measure.SURVEY_COUNT)).isEqualByComparingTo("4");
        assertThat(measure(built, b, "2026-11-04", Measure.SURVEY_SUM)).isEqualByComparingTo("14.5");
        assertThat(measure(built, b, "2026-11-04", Measure.SATISFIED)).isEqualByComparingTo("2");
        assertThat(measure(built, b, "2026-11-04", Measure.NPS_COUNT)).isEqualByComparingTo("3");
        assertThat(measure(built, b, "2026-11-04", Measure.PROMOTERS)).isEqualByComparingTo("1");
        assertThat(measure(built, b, "2026-11-04", Measure.DETRACTORS)).isEqualByComparingTo("1");
        assertThat(measure(built, a, "2026-11-04", Measure.ARRIVALS)).isEqualByComparingTo("1");
        assertThat(measure(built, a, "2026-11-05", Measure.CONVERSIONS)).isEqualByComparingTo("1");

        assertThat(intake.pairProblems(built.hospital().id()))
                .extracting(EventIntake.PairProblem::referralId, EventIntake.PairProblem::acceptedFirst,
                        EventIntake.PairProblem::otherChannel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R3", true, false),
                        org.assertj.core.groups.Tuple.tuple("R4", false, true));
    }

    @Test
    void aCorruptedMissingOrPhantomRollupRowIsReportedAsADifference() {
        Built built = build();
        long h = built.hospital().id();
        jdbc.sql("UPDATE intake_daily_rollup SET response_hours_sum = response_hours_sum + 0.000001"
                        + " WHERE hospital_id = :h AND channel_id = :c AND local_date = '2026-10-31'")
                .param("h", h).param("c", built.a()).update();
        jdbc.sql("DELETE FROM intake_daily_rollup WHERE hospital_id = :h AND channel_id = :c AND local_date = '2026-11-04'")
                .param("h", h).param("c", built.a()).update();
        jdbc.sql("INSERT INTO intake_daily_rollup (hospital_id, channel_id, local_date, complaints)"
                        + " VALUES (:h, :c, '2026-12-25', 2)")
                .param("h", h).param("c", built.b()).update();

        assertThat(intake.checkRollups(h))
                .extracting(d -> d.channelId() + " " + d.date() + " " + d.measure() + " " + d.stored().stripTrailingZeros()
                        .toPlainString() + " → " + d.recomputed().stripTrailingZeros().toPlainString())
                .containsExactly(
                        built.a() + " 2026-10-31 RESPONSE_HOURS_SUM 3.500001 → 3.5",
                        built.a() + " 2026-11-04 ARRIVALS 0 → 1",
                        built.b() + " 2026-12-25 COMPLAINTS 2 → 0");
    }

    @Test
    void theCommandPrintsEveryDifferenceAndAnswersNonZeroOnlyWhenThereIsOne() {
        Built built = build();
        long h = built.hospital().id();
        ByteArrayOutputStream exact = new ByteArrayOutputStream();
        assertThat(command.run(List.of(built.hospital()), new PrintStream(exact, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(exact.toString(StandardCharsets.UTF_8)).contains("RC-" + p).contains("exact");

        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE intake_daily_rollup SET referrals = 7 WHERE hospital_id = :h AND channel_id = :c"
                    + " AND local_date = '2026-11-01'").param("h", h).param("c", built.b()).update();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(command.run(List.of(built.hospital()), new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("RC-" + p).contains("1 difference")
                    .contains("B").contains("2026-11-01").contains("referrals").contains("stored 7")
                    .contains("recomputed 1");
            status.setRollbackOnly();
        });
    }

    @Test
    void anEventNamingAnImportThatDoesNotExistFailsTheCheck() {
        Built built = build();
        long h = built.hospital().id();
        assertThat(intake.eventsOfUnknownImports(h)).isZero();
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE intake_event SET import_id = 999999999 WHERE hospital_id = :h AND event_id = 'a1'")
                    .param("h", h).update();
            assertThat(intake.eventsOfUnknownImports(h)).isEqualTo(1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(command.run(List.of(built.hospital()), new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 event(s) name an import that does not exist");
            status.setRollbackOnly();
        });
    }

    /** The totals of each channel over from–to, added up from the daily rollups alone, as the reference. */
    Map<Long, Map<Measure, BigDecimal>> dailySums(long h, String from, String to) {
        Map<Long, Map<Measure, BigDecimal>> sums = new java.util.TreeMap<>();
        LocalDate d = LocalDate.parse(from);
        for (; !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            for (long channel : jdbc.sql("SELECT DISTINCT channel_id FROM intake_daily_rollup WHERE hospital_id = :h")
                    .param("h", h).query(Long.class).list()) {
                Map<Measure, BigDecimal> day = intake.daily(h, channel, d, d).get(d);
                if (day != null) {
                    Map<Measure, BigDecimal> total = sums.computeIfAbsent(channel, c -> new java.util.EnumMap<>(Measure.class));
                    day.forEach((m, v) -> total.merge(m, v, BigDecimal::add));
                }
            }
        }
        return sums;
    }

    @Test
    void totalsOverWholeAndPartMonthsAgreeWithTheDailyRowsAndACorruptedMonthIsReported() {
        Built built = build();
        long h = built.hospital().id();
        // whole months come from the monthly rollups, the days around them from the daily ones
        for (String[] range : new String[][] {{"2026-10-01", "2026-10-31"}, {"2026-10-01", "2026-11-30"},
                {"2026-10-31", "2026-11-02"}, {"2026-10-15", "2026-11-15"}, {"2026-11-01", "2026-11-01"},
                {"2026-09-30", "2026-12-01"}, {"2026-11-02", "2026-11-30"}}) {
            Map<Long, Map<Measure, BigDecimal>> expected = dailySums(h, range[0], range[1]);
            Map<Long, Map<Measure, BigDecimal>> totals = intake.totals(h, LocalDate.parse(range[0]), LocalDate.parse(range[1]));
            assertThat(totals.keySet()).as("channels %s–%s", range[0], range[1]).isEqualTo(expected.keySet());
            expected.forEach((channel, sums) -> sums.forEach((m, v) -> assertThat(totals.get(channel).get(m))
                    .as("%s %s–%s", m, range[0], range[1]).isEqualByComparingTo(v)));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM intake_monthly_rollup WHERE hospital_id = :h").param("h", h)
                .query(Long.class).single()).isEqualTo(3); // A in October and November, B in November

        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE intake_monthly_rollup SET revenue = revenue + 5 WHERE hospital_id = :h AND channel_id = :c"
                    + " AND month = '2026-11-01'").param("h", h).param("c", built.b()).update();
            assertThat(intake.checkRollups(h)).singleElement().satisfies(d -> {
                assertThat(d.grain()).isEqualTo(EventIntake.Grain.MONTH);
                assertThat(d.channelId()).isEqualTo(built.b());
                assertThat(d.date()).isEqualTo(LocalDate.parse("2026-11-01"));
                assertThat(d.measure()).isEqualTo(Measure.REVENUE);
                assertThat(d.stored()).isEqualByComparingTo("1205.50");
                assertThat(d.recomputed()).isEqualByComparingTo("1200.50");
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(command.run(List.of(built.hospital()), new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("B month 2026-11 revenue: stored 1205.5, recomputed 1200.5");
            status.setRollbackOnly();
        });
    }
}
