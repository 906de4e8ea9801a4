package org.meridian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.shared.Period;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the benchmark ({@code ./bench}) from rotting: its generator, its three loads and its evaluation comparison
 * run here at a tiny size against the test server, each in a hospital of its own. Nothing here is timed.
 */
@MeridianWebTest
class BenchSmokeTest {

    static final Period QUARTER = Period.parse("2026-Q3").orElseThrow();

    @LocalServerPort int port;
    @Autowired Hospitals hospitals;
    @Autowired TestUsers users;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @TempDir Path dir;

    record Clinic(Hospital hospital, BenchClient client) {
    }

    Clinic clinic() {
        String code = "BN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Hospital hospital = hospitals.create(code, "基准测试医院 " + code, ZoneId.of("Asia/Shanghai"));
        String office = users.create(hospital.id(), Role.CHANNEL_MANAGER, null);
        return new Clinic(hospital, new BenchClient("http://localhost:" + port, office, TestUsers.PASSWORD));
    }

    static BenchEvents events(String prefix, List<String> channels) {
        Instant from = QUARTER.firstDay().atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        return new BenchEvents(3, prefix, channels, from, from.plusSeconds(60L * 86_400), from.plusSeconds(100L * 86_400));
    }

    @Test
    void theGeneratorIsRepeatableAndMixesEveryType() {
        List<BenchEvents.Row> a = events("a-", List.of("X", "Y")).next(3_000);
        List<BenchEvents.Row> b = events("b-", List.of("X", "Y")).next(3_000);
        assertThat(a.stream().map(BenchEvents.Row::type).distinct())
                .containsExactlyInAnyOrder("REFERRAL", "ACCEPTED", "ARRIVED", "CONVERTED", "REVENUE", "SURVEY",
                        "COMPLAINT", "RETURN_VISIT", "FEEDBACK");
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).eventId()).isEqualTo("a-" + (i + 1));
            assertThat(b.get(i).eventId()).isEqualTo("b-" + (i + 1));
            assertThat(a.get(i).occurredAt()).isEqualTo(b.get(i).occurredAt());
            assertThat(a.get(i).type()).isEqualTo(b.get(i).type());
            assertThat(a.get(i).value()).isEqualTo(b.get(i).value());
        }
    }

    @Test
    void inTimeOrderTheStreamNeverGoesBackInTimeAndKeepsItsMix() {
        List<BenchEvents.Row> ordered = events("t-", List.of("X", "Y")).inTimeOrder(3_000).next(3_000);
        List<BenchEvents.Row> again = events("u-", List.of("X", "Y")).inTimeOrder(3_000).next(3_000);
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(java.time.OffsetDateTime.parse(ordered.get(i).occurredAt()))
                    .as("row %d", i).isAfterOrEqualTo(java.time.OffsetDateTime.parse(ordered.get(i - 1).occurredAt()));
            assertThat(again.get(i).occurredAt()).isEqualTo(ordered.get(i).occurredAt());
        }
        assertThat(ordered.stream().map(BenchEvents.Row::type).distinct()).hasSize(9);
        // every ACCEPTED comes after its REFERRAL, and the window is filled, not only its start
        java.util.Set<String> referred = new java.util.HashSet<>();
        for (BenchEvents.Row r : ordered) {
            if (r.type().equals("REFERRAL")) {
                referred.add(r.referralId());
            } else if (r.type().equals("ACCEPTED")) {
                assertThat(referred).contains(r.referralId());
            }
        }
        Instant from = QUARTER.firstDay().atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(java.time.OffsetDateTime.parse(ordered.get(ordered.size() - 1).occurredAt()).toInstant())
                .isAfter(from.plusSeconds(40L * 86_400));
    }

    @Test
    void theSameRowsLoadThroughTheApiTheImportAndCopyAndTheEvaluationAgreesWithTheRawQuery() throws Exception {
        Clinic clinic = clinic();
        BenchClient client = clinic.client();
        String prefix = clinic.hospital().code() + "-";
        EvaluationBench.createChannels(client, prefix, 6);
        List<String> codes = List.of(prefix + "00001", prefix + "00002", prefix + "00003", prefix + "00004",
                prefix + "00005", prefix + "00006");

        IngestBench.Load api = IngestBench.throughApi(client, events("a-", codes), 1_000, 2, 300, () -> 0);
        Path csv = dir.resolve("events.csv");
        events("c-", codes).writeCsv(csv, 1_000);
        IngestBench.Load file = IngestBench.throughImport(client, csv, 1_000, () -> 0);
        IngestBench.Load copy;
        IngestBench.Load keyed;
        try (Connection c = dataSource.getConnection()) {
            copy = IngestBench.throughCopy(c, csv, 1_000, () -> 0, false);
            keyed = IngestBench.throughCopy(c, csv, 1_000, () -> 0, true);
        }
        assertThat(List.of(api, file, copy, keyed)).allSatisfy(load -> {
            assertThat(load.answer().accepted()).isEqualTo(1_000);
            assertThat(load.answer().rejected()).isZero();
        });
        assertThat(Files.readAllLines(csv)).hasSize(1_001).first().isEqualTo(BenchEvents.CSV_HEADER);
        // the API and the import stored the same rows (by type and channel)
        String byType = "SELECT type || ' ' || channel_id || ' ' || count(*) FROM intake_event WHERE hospital_id = :h"
                + " AND event_id LIKE :p GROUP BY type, channel_id ORDER BY 1";
        List<String> fromApi = jdbc.sql(byType).param("h", clinic.hospital().id()).param("p", "a-%").query(String.class).list();
        List<String> fromFile = jdbc.sql(byType).param("h", clinic.hospital().id()).param("p", "c-%").query(String.class).list();
        assertThat(fromApi).hasSizeGreaterThan(6 * 5).isEqualTo(fromFile);

        client.putScheme(EvaluationBench.TYPE.name(), EvaluationBench.schemeJson());
        EvaluationBench.Result result;
        try (Connection c = dataSource.getConnection()) {
            result = EvaluationBench.measure(client, c, clinic.hospital().id(), QUARTER);
        }
        assertThat(result.channels()).isEqualTo(6);
        assertThat(result.eventsInTable()).isEqualTo(2_000);
        assertThat(result.valuesCompared()).isEqualTo(2 * 6 * 12);
        assertThat(result.disagreements()).isEmpty();
    }

    @Test
    void theEvaluationFillWritesEventsWhoseRollupsAgreeWithTheRawQuery() throws Exception {
        Clinic clinic = clinic();
        String prefix = clinic.hospital().code() + "-";
        EvaluationBench.createChannels(clinic.client(), prefix, 4);
        try (Connection c = dataSource.getConnection()) {
            Map<String, Long> channels = EvaluationBench.evaluableChannels(c, clinic.hospital().id());
            assertThat(channels).hasSize(4);
            EvaluationBench.fill(c, clinic.hospital().id(), channels, QUARTER, 3_000);
            EvaluationBench.Result result = EvaluationBench.measure(null, c, clinic.hospital().id(), QUARTER);
            assertThat(result.eventsInTable()).isEqualTo(3_000);
            assertThat(result.eventsInPeriod()).isBetween(2_000L, 3_000L);
            assertThat(result.valuesCompared()).isEqualTo(4 * 12);
            assertThat(result.disagreements()).isEmpty();
        }
    }

    /**
     * The units mode at a tiny size: 3 departments × 2 measures, a year through the statistics API in batches of 5
     * and the next as two CSV files of at most 100,000 rows through the imports, then the evaluation.
     */
    @Test
    void theUnitsLoadsAcceptEveryRowAndTheEvaluationScoresEveryDepartment() throws Exception {
        Clinic c = clinic();
        UnitsBench.Result r = UnitsBench.run(c.client(), dir, 3, 2, 2024, 2, 5, 1, () -> 0);
        assertThat(r.api().answer().accepted()).isEqualTo(3 * 2 * 12);
        assertThat(r.api().answer().rejected()).isZero();
        assertThat(r.files().answer().accepted()).isEqualTo(3 * 2 * 12);
        assertThat(r.fileCount()).isEqualTo(1);
        assertThat(r.scorecards()).isEqualTo(3);
        // the "from the stored monthly values" measurement agrees with the generator's own sums for 3 × 2 values
        try (Connection connection = dataSource.getConnection()) {
            UnitsBench.FromStored f = UnitsBench.fromStored(connection, c.hospital().id(), 3, 2, 2025);
            assertThat(f.valuesCompared()).isEqualTo(3 * 2);
            assertThat(f.disagreements()).isEmpty();
        }
    }
}
