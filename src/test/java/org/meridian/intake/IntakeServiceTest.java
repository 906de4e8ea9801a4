package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.support.Actors;
import org.meridian.indicator.Measure;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@MeridianTest
class IntakeServiceTest {

    @Autowired EventIntake intake;
    @Autowired TestChannels channels;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    final String p = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";

    long hospital() {
        return users.firstHospital().id();
    }

    static RawEvent ev(String id, String type, String channel, String at, String referralId, Object value,
                       Map<String, String> attributes) {
        return RawEvent.of(id, type, channel, at, referralId, null, value, attributes);
    }

    IngestReport send(RawEvent... rows) {
        return intake.record(Actors.manager(hospital(), "tester"), List.of(rows), 0, EventIntake.Source.API, null);
    }

    Map<Measure, BigDecimal> totals(long channelId, String from, String to) {
        return intake.totals(hospital(), LocalDate.parse(from), LocalDate.parse(to))
                .getOrDefault(channelId, Map.of());
    }

    BigDecimal measure(long channelId, Measure m, String from, String to) {
        return totals(channelId, from, to).getOrDefault(m, BigDecimal.ZERO);
    }

    @Test
    void acceptedRowsAreStoredAndRejectedRowsReportedWithEveryReasonWithoutRejectingNeighbours() {
        long ch = channels.create(hospital(), p + "CH");
        IngestReport report = send(
                ev(p + "1", "ARRIVED", p + "CH", "2026-09-03T10:15:00+08:00", null, null, Map.of()),
                ev(p + "2", "VISIT", p + "CH-999", "2026-09-03T10:15:00", null, null, Map.of()),
                ev(null, "SURVEY", p + "CH", "2026-09-03T10:15:00+08:00", null, new BigDecimal("9"), Map.of("recommend", "x")),
                ev(p + "4", "REVENUE", p + "CH", "2026-09-03T11:00:00+08:00", null, new BigDecimal("100.25"), Map.of()));
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.duplicates()).isZero();
        assertThat(report.rejected()).hasSize(2);
        IngestReport.RejectedRow second = report.rejected().get(0);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.eventId()).isEqualTo(p + "2");
        assertThat(second.errors()).hasSize(3)
                .anySatisfy(e -> assertThat(e).startsWith("unknown type 'VISIT'"))
                .contains("unknown channel '" + p + "CH-999'")
                .anySatisfy(e -> assertThat(e).contains("not an ISO-8601 instant with offset"));
        IngestReport.RejectedRow third = report.rejected().get(1);
        assertThat(third.index()).isEqualTo(2);
        assertThat(third.eventId()).isNull();
        assertThat(third.errors()).containsExactly("eventId is required", "SURVEY value 9 is outside 1–5",
                "attributes.recommend 'x' is not an integer from 0 to 10");
        assertThat(measure(ch, Measure.ARRIVALS, "2026-09-01", "2026-09-30")).isEqualByComparingTo("1");
        assertThat(measure(ch, Measure.REVENUE, "2026-09-01", "2026-09-30")).isEqualByComparingTo("100.25");
    }

    @Test
    void aResendWithTheSameMeaningIsADuplicateAndDifferentContentUnderTheSameIdIsRejected() {
        long ch = channels.create(hospital(), p + "CH");
        send(ev(p + "r", "REVENUE", p + "CH", "2026-09-03T10:15:00+08:00", null, new BigDecimal("10"),
                Map.of("department", "骨科", "payer", "self")));
        IngestReport again = send(
                ev(p + "r", "REVENUE", p + "CH", "2026-09-03T02:15:00Z", null, new BigDecimal("10.0"),
                        Map.of("payer", "self", "department", "骨科")),
                ev(p + "r", "REVENUE", p + "CH", "2026-09-03T02:15:00Z", null, new BigDecimal("11"),
                        Map.of("payer", "self", "department", "骨科")));
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.errors()).singleElement().asString().contains("'" + p + "r' is already taken");
        });
        assertThat(measure(ch, Measure.REVENUE, "2026-09-01", "2026-09-30")).isEqualByComparingTo("10");
    }

    @Test
    void withinOneBatchTheFirstRowStands() {
        long ch = channels.create(hospital(), p + "CH");
        IngestReport report = send(
                ev(p + "a", "ARRIVED", p + "CH", "2026-09-03T10:15:00+08:00", null, null, Map.of()),
                ev(p + "a", "ARRIVED", p + "CH", "2026-09-03T10:15:00+08:00", null, null, Map.of()),
                ev(p + "a", "COMPLAINT", p + "CH", "2026-09-03T10:15:00+08:00", null, null, Map.of()),
                ev(p + "ref1", "REFERRAL", p + "CH", "2026-09-03T10:00:00+08:00", p + "R1", null, Map.of()),
                ev(p + "ref2", "REFERRAL", p + "CH", "2026-09-03T11:00:00+08:00", p + "R1", null, Map.of()));
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.rejected()).extracting(IngestReport.RejectedRow::index).containsExactly(2, 4);
        assertThat(report.rejected().get(1).errors())
                .containsExactly("referral '" + p + "R1' already has a REFERRAL event ('" + p + "ref1')");
        assertThat(measure(ch, Measure.COMPLAINTS, "2026-09-01", "2026-09-30")).isZero();
        assertThat(measure(ch, Measure.REFERRALS, "2026-09-01", "2026-09-30")).isEqualByComparingTo("1");
    }

    @Test
    void aSecondLiveAcceptedIsRejectedUntilTheFirstIsVoided() {
        long ch = channels.create(hospital(), p + "CH");
        send(ev(p + "ref", "REFERRAL", p + "CH", "2026-09-03T08:00:00+08:00", p + "R", null, Map.of()),
                ev(p + "acc1", "ACCEPTED", p + "CH", "2026-09-03T10:00:00+08:00", p + "R", null, Map.of()));
        IngestReport second = send(ev(p + "acc2", "ACCEPTED", p + "CH", "2026-09-03T12:00:00+08:00", p + "R", null, Map.of()));
        assertThat(second.rejected()).singleElement().satisfies(r -> assertThat(r.errors())
                .containsExactly("referral '" + p + "R' already has a ACCEPTED event ('" + p + "acc1')"));

        intake.voidEvent(Actors.manager(hospital(), "tester"), p + "acc1", "scheduled twice by mistake");
        assertThat(measure(ch, Measure.RESPONSE_COUNT, "2026-09-01", "2026-09-30")).isZero();
        assertThat(measure(ch, Measure.ACCEPTED, "2026-09-01", "2026-09-30")).isZero();

        assertThat(send(ev(p + "acc2", "ACCEPTED", p + "CH", "2026-09-03T12:00:00+08:00", p + "R", null, Map.of()))
                .accepted()).isEqualTo(1);
        assertThat(measure(ch, Measure.RESPONSE_COUNT, "2026-09-01", "2026-09-30")).isEqualByComparingTo("1");
        assertThat(measure(ch, Measure.RESPONSE_HOURS_SUM, "2026-09-01", "2026-09-30")).isEqualByComparingTo("4");
    }

    @Test
    void aPairCountsTheSameWhicheverEventArrivesFirstOnTheAcceptedsDateForTheReferralsChannel() {
        long a = channels.create(hospital(), p + "A");
        long b = channels.create(hospital(), p + "B");
        // order 1: REFERRAL, then ACCEPTED in a later batch
        send(ev(p + "r1", "REFERRAL", p + "A", "2026-08-31T22:00:00+08:00", p + "R1", null, Map.of()));
        send(ev(p + "a1", "ACCEPTED", p + "A", "2026-09-01T09:30:00+08:00", p + "R1", null, Map.of()));
        // order 2: ACCEPTED first, then REFERRAL; the ACCEPTED names channel B
        IngestReport acceptedFirst = send(ev(p + "a2", "ACCEPTED", p + "B", "2026-09-01T09:30:00+08:00", p + "R2", null, Map.of()));
        assertThat(acceptedFirst.warnings()).isEmpty();
        IngestReport referralLater = send(ev(p + "r2", "REFERRAL", p + "A", "2026-08-31T22:00:00+08:00", p + "R2", null, Map.of()));
        assertThat(referralLater.warnings()).singleElement().satisfies(w -> {
            assertThat(w.index()).isZero();
            assertThat(w.warnings()).singleElement().asString().contains("names another channel");
        });

        assertThat(measure(a, Measure.REFERRALS, "2026-08-31", "2026-08-31")).isEqualByComparingTo("2");
        assertThat(measure(a, Measure.RESPONSE_COUNT, "2026-08-31", "2026-08-31")).isZero();
        assertThat(measure(a, Measure.RESPONSE_COUNT, "2026-09-01", "2026-09-01")).isEqualByComparingTo("2");
        assertThat(measure(a, Measure.RESPONSE_HOURS_SUM, "2026-09-01", "2026-09-01")).isEqualByComparingTo("23");
        assertThat(measure(b, Measure.ACCEPTED, "2026-09-01", "2026-09-01")).isEqualByComparingTo("1");
        assertThat(measure(b, Measure.RESPONSE_COUNT, "2026-09-01", "2026-09-01")).isZero();
        assertThat(intake.pairProblems(hospital())).anySatisfy(pp -> {
            assertThat(pp.referralId()).isEqualTo(p + "R2");
            assertThat(pp.otherChannel()).isTrue();
            assertThat(pp.acceptedFirst()).isFalse();
        });
    }

    @Test
    void anAcceptedBeforeItsReferralIsNotCountedAndReported() {
        long ch = channels.create(hospital(), p + "CH");
        IngestReport report = send(
                ev(p + "a", "ACCEPTED", p + "CH", "2026-09-01T08:00:00+08:00", p + "R", null, Map.of()),
                ev(p + "r", "REFERRAL", p + "CH", "2026-09-01T09:00:00+08:00", p + "R", null, Map.of()));
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.index()).isEqualTo(1);
            assertThat(w.warnings()).singleElement().asString().contains("precedes its REFERRAL");
        });
        assertThat(measure(ch, Measure.RESPONSE_COUNT, "2026-09-01", "2026-09-30")).isZero();
        assertThat(measure(ch, Measure.ACCEPTED, "2026-09-01", "2026-09-30")).isEqualByComparingTo("1");
        assertThat(intake.pairProblems(hospital())).anySatisfy(pp -> {
            assertThat(pp.referralId()).isEqualTo(p + "R");
            assertThat(pp.acceptedFirst()).isTrue();
        });
        // voiding the ACCEPTED of an uncounted pair takes nothing else away
        intake.voidEvent(Actors.manager(hospital(), "tester"), p + "a", "wrong time");
        assertThat(measure(ch, Measure.RESPONSE_COUNT, "2026-09-01", "2026-09-30")).isZero();
        assertThat(measure(ch, Measure.REFERRALS, "2026-09-01", "2026-09-30")).isEqualByComparingTo("1");
    }

    @Test
    void aVoidedEventReadsAsNeverComeButItsIdStaysTaken() {
        long ch = channels.create(hospital(), p + "CH");
        send(ev(p + "rev", "REVENUE", p + "CH", "2026-09-05T10:00:00+08:00", null, new BigDecimal("500"), Map.of()),
                ev(p + "refund", "REVENUE", p + "CH", "2026-09-06T10:00:00+08:00", null, new BigDecimal("-120.5"), Map.of()),
                ev(p + "ref", "REFERRAL", p + "CH", "2026-09-05T08:00:00+08:00", p + "R", null, Map.of()),
                ev(p + "acc", "ACCEPTED", p + "CH", "2026-09-05T09:00:00+08:00", p + "R", null, Map.of()));
        assertThat(measure(ch, Measure.REVENUE, "2026-09-01", "2026-09-30")).isEqualByComparingTo("379.5");
        assertThat(measure(ch, Measure.RESPONSE_COUNT, "2026-09-01", "2026-09-30")).isEqualByComparingTo("1");

        intake.voidEvent(Actors.manager(hospital(), "tester"), p + "refund", "refund cancelled");
        intake.voidEvent(Actors.manager(hospital(), "tester"), p + "ref", "not a referral of this channel");
        assertThat(measure(ch, Measure.REVENUE, "2026-09-01", "2026-09-30")).isEqualByComparingTo("500");
        assertThat(measure(ch, Measure.REFERRALS, "2026-09-01", "2026-09-30")).isZero();
        assertThat(measure(ch, Measure.RESPONSE_COUNT, "2026-09-01", "2026-09-30")).isZero();
        assertThat(measure(ch, Measure.RESPONSE_HOURS_SUM, "2026-09-01", "2026-09-30")).isZero();

        IngestReport resend = send(
                ev(p + "refund", "REVENUE", p + "CH", "2026-09-06T10:00:00+08:00", null, new BigDecimal("-120.50"), Map.of()),
                ev(p + "ref", "REFERRAL", p + "CH", "2026-09-05T08:00:00+08:00", p + "R", null, Map.of("x", "y")));
        assertThat(resend.duplicates()).isEqualTo(1);
        assertThat(resend.rejected()).singleElement().satisfies(r -> assertThat(r.index()).isEqualTo(1));
        assertThat(measure(ch, Measure.REVENUE, "2026-09-01", "2026-09-30")).isEqualByComparingTo("500");

        assertThatThrownBy(() -> intake.voidEvent(Actors.manager(hospital(), "tester"), p + "refund", "again"))
                .isInstanceOf(EventAlreadyVoidedException.class);
        assertThatThrownBy(() -> intake.voidEvent(Actors.manager(hospital(), "tester"), p + "nope", "why"))
                .isInstanceOf(EventNotFoundException.class);
        assertThat(jdbc.sql("SELECT voided_by || '|' || void_reason FROM intake_event WHERE hospital_id = :h AND event_id = :e")
                .param("h", hospital()).param("e", p + "refund").query(String.class).single())
                .isEqualTo("tester|refund cancelled");
    }

    @Test
    void localDatesAreTakenInTheHospitalsTimeZone() {
        long ch = channels.create(hospital(), p + "CH");
        send(ev(p + "late", "ARRIVED", p + "CH", "2026-09-30T16:30:00Z", null, null, Map.of()),
                ev(p + "early", "ARRIVED", p + "CH", "2026-09-30T15:59:59Z", null, null, Map.of()));
        assertThat(measure(ch, Measure.ARRIVALS, "2026-10-01", "2026-10-01")).isEqualByComparingTo("1");
        assertThat(measure(ch, Measure.ARRIVALS, "2026-09-30", "2026-09-30")).isEqualByComparingTo("1");

        Hospital berlin = hospitals.create("H-" + p.substring(0, 9), "柏林测试医院", ZoneId.of("Europe/Berlin"));
        long bch = channels.create(berlin.id(), "CH-B");
        intake.record(Actors.manager(berlin.id(), "tester"), List.of(ev("b1", "ARRIVED", "CH-B", "2026-09-30T16:30:00Z", null, null, Map.of())),
                0, EventIntake.Source.API, null);
        assertThat(intake.totals(berlin.id(), LocalDate.parse("2026-09-30"), LocalDate.parse("2026-09-30")).get(bch))
                .containsEntry(Measure.ARRIVALS, new BigDecimal("1"));
        assertThat(intake.totals(hospital(), LocalDate.parse("2026-09-30"), LocalDate.parse("2026-09-30")))
                .as("another hospital's events never show").doesNotContainKey(bch);
    }

    @Test
    void aFailureAfterRecordingLeavesNoHalfBatchAndTheRetryIsSafe() {
        long ch = channels.create(hospital(), p + "CH");
        List<RawEvent> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(ev(p + i, "ARRIVED", p + "CH", "2026-09-10T10:00:00+08:00", null, null, Map.of()));
        }
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            intake.record(Actors.manager(hospital(), "tester"), batch, 0, EventIntake.Source.API, null);
            throw new IllegalStateException("crash");
        })).hasMessage("crash");
        assertThat(measure(ch, Measure.ARRIVALS, "2026-09-01", "2026-09-30")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM intake_event WHERE hospital_id = :h AND event_id LIKE :p")
                .param("h", hospital()).param("p", p + "%").query(Long.class).single()).isZero();

        assertThat(intake.record(Actors.manager(hospital(), "tester"), batch, 0, EventIntake.Source.API, null).accepted()).isEqualTo(50);
        IngestReport retry = intake.record(Actors.manager(hospital(), "tester"), batch, 0, EventIntake.Source.API, null);
        assertThat(retry.accepted()).isZero();
        assertThat(retry.duplicates()).isEqualTo(50);
        assertThat(measure(ch, Measure.ARRIVALS, "2026-09-01", "2026-09-30")).isEqualByComparingTo("50");
    }

    @Test
    void theRollupCheckFindsNothingWhenExactAndNamesEveryDifference() {
        Hospital own = hospitals.create("H-" + p.substring(0, 9), "核对测试医院", ZoneId.of("Asia/Shanghai"));
        long ch = channels.create(own.id(), "CH-1");
        intake.record(Actors.manager(own.id(), "tester"), List.of(
                ev("r", "REFERRAL", "CH-1", "2026-09-01T08:00:00+08:00", "R", null, Map.of()),
                ev("a", "ACCEPTED", "CH-1", "2026-09-02T08:00:20+08:00", "R", null, Map.of()),
                ev("s", "SURVEY", "CH-1", "2026-09-02T09:00:00+08:00", null, new BigDecimal("4.5"), Map.of("recommend", "6")),
                ev("v", "REVENUE", "CH-1", "2026-09-30T16:30:00Z", null, new BigDecimal("0.1"), Map.of())),
                0, EventIntake.Source.API, null);
        intake.voidEvent(Actors.manager(own.id(), "tester"), "s", "duplicate survey");
        assertThat(intake.checkRollups(own.id())).isEmpty();

        jdbc.sql("UPDATE intake_daily_rollup SET revenue = revenue + 1 WHERE hospital_id = :h AND local_date = '2026-10-01'")
                .param("h", own.id()).update();
        assertThat(intake.checkRollups(own.id())).singleElement().satisfies(d -> {
            assertThat(d.channelId()).isEqualTo(ch);
            assertThat(d.date()).isEqualTo(LocalDate.parse("2026-10-01"));
            assertThat(d.measure()).isEqualTo(Measure.REVENUE);
            assertThat(d.stored()).isEqualByComparingTo("1.1");
            assertThat(d.recomputed()).isEqualByComparingTo("0.1");
        });
    }
}
