package org.meridian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Keeps {@code ./bench load} from rotting (as {@link BenchSmokeTest} keeps the other modes): ten people, one per
 * account of {@link Bench#DEMO_ACCOUNTS}, sign in to the demo server of the tests and walk for a few seconds. Nothing
 * is timed; every page must answer 200, nobody may be signed out, and the walks must reach the pages the benchmark is
 * about. It runs in the demo context ({@code BenchSmokeTest}'s server has no demo data) and changes nothing there but
 * two personal access tokens named "bench".
 */
@MeridianDemoTest
class LoadBenchSmokeTest {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;

    @Test
    void tenPeopleOfEveryRoleWalkTheDemoAndEveryPageAnswers200() throws Exception {
        LoadBench bench = new LoadBench("http://localhost:" + port, username -> {
            try (Connection c = dataSource.getConnection()) {
                return MeridianServer.token(c, username);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LoadBench.Result result = bench.run(Bench.DEMO_ACCOUNTS, Bench.DEMO_ACCOUNTS.size(), 4, 42);

        assertThat(result.failures()).as("answers other than 200").isEmpty();
        assertThat(result.pages()).allSatisfy(p -> assertThat(p.notOk()).as(p.page()).isZero());
        List<String> pages = result.pages().stream().map(LoadBench.PageFigures::page).toList();
        // every person reached their workbench, and the walks went beyond it
        for (String who : List.of("office", "analyst", "manager", "partner", "desk", "regulator", "admin", "region")) {
            assertThat(pages).contains("/ (workbench of " + who + ")");
        }
        assertThat(pages).anyMatch(p -> p.startsWith("/api/v1/"));
        assertThat(pages.stream().filter(p -> !p.startsWith("/ (") && !p.startsWith("/api/")).count())
                .as("pages other than workbenches and the API").isGreaterThan(3);
        assertThat(LoadBench.table(result)).hasSize(result.pages().size() + 2);
    }

    @Test
    void aPageIsNamedByItsPathWithIdsAndCodesLeftOut() {
        assertThat(LoadBench.shape("/channels/CH-001?tab=events")).isEqualTo("/channels/{}");
        assertThat(LoadBench.shape("/evaluations/12/scorecards/345")).isEqualTo("/evaluations/{}/scorecards/{}");
        assertThat(LoadBench.shape("/api/v1/evaluations/7/scorecards?size=50")).isEqualTo("/api/v1/evaluations/{}/scorecards");
        assertThat(LoadBench.shape("/")).isEqualTo("/");
        // nearest rank: of 1..100 ms, p50 is 50 ms, p95 95 ms, p99 99 ms; of one time, every percentile is that time
        List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).boxed().toList();
        assertThat(LoadBench.percentile(hundred, 50)).isEqualTo(50.0);
        assertThat(LoadBench.percentile(hundred, 95)).isEqualTo(95.0);
        assertThat(LoadBench.percentile(hundred, 99)).isEqualTo(99.0);
        assertThat(LoadBench.percentile(List.of(7_000_000L), 99)).isEqualTo(7.0);
    }
}
