package org.meridian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestClock;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Keeps {@code ./bench region} from rotting (as {@link BenchSmokeTest} keeps the other modes): both of its parts run
 * at a tiny size against the test server — hospitals made by a region administrator through the API, records through
 * the REST API and the CSV import, a regulator made on the users page — and every figure read must equal the figures
 * the generator knows by construction. Nothing here is timed.
 */
@MeridianWebTest
class RegionBenchSmokeTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired DataSource dataSource;

    @TempDir Path dir;

    RegionBench bench() {
        String regionAdmin = users.create(users.firstHospital().id(), Role.REGION_ADMIN, null);
        String base = "http://localhost:" + port;
        String tag = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        return new RegionBench(base, new BenchClient(base, regionAdmin, TestUsers.PASSWORD), username -> {
            try (Connection c = dataSource.getConnection()) {
                return MeridianServer.token(c, username);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, tag);
    }

    @Test
    void theExamsPartStoresEveryRecordAndTheServersFiguresEqualTheConstructedOnes() throws Exception {
        RegionBench.ExamResult r = bench().exams(new RegionBench.ExamSizes(3_000, 6, 400, 2, 300), TestClock.START,
                () -> 0);

        assertThat(r.failures()).isEmpty();
        assertThat(r.hospitals()).isEqualTo(2);
        assertThat(r.ingest().answer().accepted()).isEqualTo(3_000);
        assertThat(r.incrementAnswer().accepted()).isEqualTo(300);
        // the test clock is 2027-01-15: the latest October followed by a whole month is 2026-10
        assertThat(r.month()).isEqualTo(YearMonth.of(2026, 10));
        // not a vacuous comparison: October holds repeats and same-institution repeats at several institutions
        assertThat(RegionBench.sum(r.expectedMonth(), 1)).isPositive();
        assertThat(RegionBench.sum(r.expectedMonth(), 2)).isPositive();
        assertThat(r.reportRows()).isGreaterThan(6);
        // the incremental batch continues the stream at the end of October or after it
        assertThat(r.incrementMonths()).isNotEmpty().allSatisfy(m -> assertThat(m).isAfter(YearMonth.of(2026, 9)));
    }

    @Test
    void theWorkbenchPartSetsUpItsHospitalsAndEveryRegulatorPageAnswers() throws Exception {
        RegionBench.WorkbenchResult r = bench().workbench(new RegionBench.WorkbenchSizes(6, 3, 10, 1, 2), dir,
                TestClock.START, () -> 0);

        assertThat(r.failures()).isEmpty();
        assertThat(r.upload().answer().accepted()).isEqualTo(r.records());
        assertThat(r.records()).isBetween(100L, 6L * 3 * 10);
        assertThat(r.pages()).hasSize(17).allSatisfy(p -> assertThat(p.count()).isEqualTo(1));
    }

    @Test
    void theComparisonNamesEveryDifference() {
        Map<String, List<Long>> expected = Map.of("H1@H1|CT", List.of(10L, 2L, 1L), "C01@H1|CT", List.of(4L, 0L, 0L));
        assertThat(RegionBench.differences(expected, new HashMap<>(expected))).isEmpty();
        Map<String, List<Long>> read = new HashMap<>(expected);
        read.put("H1@H1|CT", List.of(10L, 3L, 1L));
        read.remove("C01@H1|CT");
        read.put("H2@H2|CT", List.of(1L, 0L, 0L));
        assertThat(RegionBench.differences(expected, read)).containsExactly(
                "C01@H1|CT: expected records/repeats/same [4, 0, 0], read [0, 0, 0]",
                "H1@H1|CT: expected records/repeats/same [10, 2, 1], read [10, 3, 1]",
                "H2@H2|CT: expected records/repeats/same [0, 0, 0], read [1, 0, 0]");
    }

    @Test
    void theReportedMonthIsTheLatestOctoberFollowedByAWholeMonth() {
        assertThat(RegionBench.reportMonth(Instant.parse("2026-12-06T07:00:00Z"))).isEqualTo(YearMonth.of(2026, 10));
        // 2026-11-15: November is not over, so October 2026 is not complete with its following month
        assertThat(RegionBench.reportMonth(Instant.parse("2026-11-15T00:00:00Z"))).isEqualTo(YearMonth.of(2025, 10));
        // 2026-11-30T16:00Z is 2026-12-01 00:00 in Shanghai
        assertThat(RegionBench.reportMonth(Instant.parse("2026-11-30T16:00:00Z"))).isEqualTo(YearMonth.of(2026, 10));
    }

    /**
     * The generator's promise that makes its expected outcomes true: in time order, at most two records of one patient
     * and item within any window of the item's validity, and each record's expected outcome what the contract makes of
     * its window (docs/exams.md, "Detection", applied here by hand to at most one earlier record); the repeat rate is
     * believable (5–15 %).
     */
    @Test
    void theStreamIsInTimeOrderAndEachRecordsExpectedOutcomeFollowsTheContract() {
        List<ExamStream.Item> items = RegionBench.catalogue("T-");
        int[] alliance = {0, 0, 1, 1, -1};
        ExamStream stream = new ExamStream(1, "t-", items, "T-OUT", alliance, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-07-01T00:00:00Z"), 20_000);
        Map<String, List<ExamStream.Row>> byPair = new HashMap<>();
        long previous = Long.MIN_VALUE;
        long counted = 0;
        long repeats = 0;
        for (int i = 0; i < 20_000; i++) {
            ExamStream.Row r = stream.next();
            assertThat(r.at()).isGreaterThanOrEqualTo(previous);
            previous = r.at();
            if (r.item() >= 0) {
                counted++;
                repeats += r.expected() == ExamStream.Expected.REPEAT ? 1 : 0;
                byPair.computeIfAbsent(r.patientId() + "|" + r.item(), k -> new ArrayList<>()).add(r);
            }
        }
        int pairsWithTwo = 0;
        for (List<ExamStream.Row> rows : byPair.values()) {
            assertThat(rows.get(0).expected()).isEqualTo(ExamStream.Expected.NONE);
            for (int i = 1; i < rows.size(); i++) {
                ExamStream.Row before = rows.get(i - 1);
                ExamStream.Row r = rows.get(i);
                ExamStream.Item item = items.get(r.item());
                long validity = item.validDays() * 86_400L;
                if (i >= 2) {
                    assertThat(r.at() - rows.get(i - 2).at()).as("a third record within the validity").isGreaterThan(validity);
                }
                ExamStream.Expected expected;
                if (r.at() - before.at() > validity || r.exception() != null || !before.recognisable()) {
                    expected = ExamStream.Expected.NONE;
                } else if (before.institution() == r.institution()) {
                    expected = ExamStream.Expected.SAME_INSTITUTION;
                } else if (!item.alliance() || alliance[r.institution()] >= 0
                        && alliance[r.institution()] == alliance[before.institution()]) {
                    expected = ExamStream.Expected.REPEAT;
                } else {
                    expected = ExamStream.Expected.NONE;
                }
                assertThat(r.at()).isGreaterThan(before.at());
                assertThat(r.expected()).as("%s after %s", r, before).isEqualTo(expected);
                pairsWithTwo++;
            }
        }
        assertThat(pairsWithTwo).isGreaterThan(1_000);
        assertThat((double) repeats / counted).isBetween(0.05, 0.15);
    }
}
