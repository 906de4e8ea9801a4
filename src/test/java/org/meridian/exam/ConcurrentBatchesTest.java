package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two batches of a region at the same moment (docs/exams.md, "One batch at a time"): the first is held open after
 * its work, in a transaction of the test's, while the second runs; the second must wait for it, then see its records
 * — a recordId it stored is taken, a record of the same patient and item is what the second one's repeats.
 * Catalogue as in {@link ExamRegion}: CT, 30 days, recognised in the whole region.
 */
@MeridianTest
class ConcurrentBatchesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;
    @Autowired ExamIntake intake;
    @Autowired TransactionTemplate transactions;
    @Autowired ExamCatalogue catalogue;

    ExamRegion r;
    Actor senderA;
    Actor senderB;

    @BeforeEach
    void region() throws Exception {
        r = new ExamRegion(mvc, users, hospitals, jdbc);
        senderA = new Actor(r.a.hospital.id(), r.a.office, Set.of(Role.CHANNEL_MANAGER), null);
        senderB = new Actor(r.b.hospital.id(), r.b.office, Set.of(Role.CHANNEL_MANAGER), null);
        // the region's exception reasons are written by the first reading of a new region: written now, so that the
        // second batch does not wait for the first one's rows of them
        assertThat(catalogue.reasons(senderA)).isNotEmpty();
    }

    /**
     * A stores R-1 (patient P1, CT, 1 October, recognisable) and R-2 (P2) and stays open. B sends R-1 again with
     * its own institution and another day, and R-3 (P1, CT, 10 October at B): B waits for the region's lock; when
     * A commits, B finds R-1 taken (rejected, nothing of it stored) and R-3 nine days after A's recognisable R-1 at
     * another institution: a repeat. Figures of October: A 2 records, no
     * repeat; B 1 record, 1 repeat (200.00 avoidable).
     */
    @Test
    void aRecordIdStoredByABatchStillOpenIsTakenOnceItCommitsAndItsRecordsCount() throws Exception {
        String a = r.a.hospital.code();
        String b = r.b.hospital.code();
        ExamReport[] first = new ExamReport[1];
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> batchA = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            first[0] = intake.record(senderA, List.of(
                    raw("R-1", a, "P1", "2026-10-01T08:00:00Z"),
                    raw("R-2", a, "P2", "2026-10-03T08:00:00Z")), 0);
            done.countDown();
            await(commit);
        }));
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ExamReport> batchB = CompletableFuture.supplyAsync(() -> intake.record(senderB, List.of(
                raw("R-1", b, "P1", "2026-10-05T08:00:00Z"),
                raw("R-3", b, "P1", "2026-10-10T08:00:00Z")), 0));
        waitUntilABatchWaits();
        assertThat(batchB).as("B waits while A is open").isNotDone();
        commit.countDown();
        batchA.get(30, TimeUnit.SECONDS);
        ExamReport second = batchB.get(30, TimeUnit.SECONDS);

        assertThat(first[0].accepted()).isEqualTo(2);
        assertThat(second.accepted()).isEqualTo(1);
        assertThat(second.duplicates()).isZero();
        assertThat(second.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.recordId()).isEqualTo("R-1");
            assertThat(rej.errors()).singleElement()
                    .satisfies(p -> assertThat(p.messageKey()).isEqualTo("exam.error.recordIdTaken"));
        });
        assertThat(outcomes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "R-1", a + "/NONE", "R-2", a + "/NONE", "R-3", b + "/REPEAT"));
        assertThat(figures()).containsExactlyInAnyOrder(a + " 2 0", b + " 1 1");
    }

    /**
     * B, with only R-3, waits for the region's lock while A is open, and then reads A's records: R-3 is a repeat of
     * R-1, as when the two are sent one after the other.
     */
    @Test
    void aBatchDecidesItsRepeatsOnlyAfterTheBatchBeforeItCommitted() throws Exception {
        String a = r.a.hospital.code();
        String b = r.b.hospital.code();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> batchA = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            intake.record(senderA, List.of(raw("R-1", a, "P1", "2026-10-01T08:00:00Z")), 0);
            done.countDown();
            await(commit);
        }));
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ExamReport> batchB = CompletableFuture.supplyAsync(() -> intake.record(senderB,
                List.of(raw("R-3", b, "P1", "2026-10-10T08:00:00Z")), 0));
        waitUntilABatchWaits();
        commit.countDown();
        batchA.get(30, TimeUnit.SECONDS);
        assertThat(batchB.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(1);

        assertThat(outcomes()).containsExactlyInAnyOrderEntriesOf(Map.of("R-1", a + "/NONE", "R-3", b + "/REPEAT"));
        assertThat(figures()).containsExactlyInAnyOrder(a + " 1 0", b + " 1 1");
    }

    /**
     * The region's evaluation centre is a tenant of the region with an administrator of its own, who may make
     * accounts there; none of them may send exam records, which would enter the region's repeat detection.
     */
    @Test
    void theRegionsEvaluationCentreSendsNoExamRecords() {
        org.meridian.shared.tenant.Hospital centre = hospitals.createRegionCentre(r.region,
                "RC-" + java.util.UUID.randomUUID().toString().substring(0, 6), "区域评价中心",
                java.time.ZoneId.of("Asia/Shanghai"));
        Actor sender = new Actor(centre.id(), "centre-office", Set.of(Role.CHANNEL_MANAGER), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.record(sender,
                        List.of(raw("C-1", centre.code(), "P1", "2026-10-01T08:00:00Z")), 0))
                .isInstanceOf(org.meridian.shared.problem.RefusedException.class);
        assertThat(outcomes()).isEmpty();
    }

    private static RawExam raw(String recordId, String institution, String patient, String at) {
        return new RawExam(recordId, institution, patient, "CT", at, "true", null);
    }

    /** Until another session of this database waits for a lock (a transaction's or the region's). */
    private void waitUntilABatchWaits() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            long waiting = jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock'""")
                    .query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second batch never waited for the first");
    }

    private Map<String, String> outcomes() {
        Map<String, String> m = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT r.record_id, h.code, r.outcome FROM exam_record r JOIN hospital h ON h.id = r.hospital_id
                        WHERE r.region_id = :r""").param("r", r.region)
                .query((rs, i) -> m.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3))).list();
        return m;
    }

    private List<String> figures() {
        return jdbc.sql("""
                        SELECT h.code || ' ' || sum(f.records) || ' ' || sum(f.repeats)
                        FROM exam_figure f JOIN hospital h ON h.id = f.hospital_id
                        WHERE f.region_id = :r AND f.month = DATE '2026-10-01'
                        GROUP BY h.code ORDER BY h.code""").param("r", r.region).query(String.class).list();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first batch commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
