package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.SchemeCatalogue;
import org.meridian.indicator.WhatIfComparison;
import org.meridian.indicator.scoring.Scorecard;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo mode (the same context as {@code DemoModeTest}): published evaluations of the past months and quarters. */
@MeridianDemoTest
class DemoEvaluationsTest {

    @Autowired Hospitals hospitals;
    @Autowired Clock clock;
    @Autowired Evaluations evaluations;
    @Autowired SchemeCatalogue schemes;
    @Autowired DraftSchemeWhatIf whatIf;
    @Autowired DemoEvaluations demo;
    @Autowired JdbcClient jdbc;

    @Test
    void everyUnitTypeHasPublishedMonthsAndQuartersAndTheCurrentPeriodsAreOpen() {
        Hospital hospital = hospitals.all().get(0);
        long h = hospital.id();
        LocalDate today = LocalDate.now(clock.withZone(hospital.timeZone()));
        Period month = Period.containing(Period.Kind.MONTH, today);
        Period quarter = Period.containing(Period.Kind.QUARTER, today);
        for (UnitType type : UnitType.channelTypes()) {
            Period m = month;
            for (int i = 0; i < 12; i++) {
                m = m.previous();
                assertThat(evaluations.latestPublished(h, m, type)).as(type + " " + m).isPresent();
            }
            Period q = quarter;
            for (int i = 0; i < 8; i++) {
                q = q.previous();
                assertThat(evaluations.latestPublished(h, q, type)).as(type + " " + q).isPresent();
            }
            assertThat(evaluations.latest(h, month, type)).as("the current month").isEmpty();
            assertThat(evaluations.latest(h, quarter, type)).as("the current quarter").isEmpty();
            assertThat(evaluations.latestPublished(h, month.previous(), type).orElseThrow().units())
                    .as("every evaluable channel of " + type).isPositive();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE hospital_id = ? AND action = 'EVALUATION_PUBLISHED'"
                + " AND actor = 'office'").param(h).query(Long.class).single())
                .as("each publication audited like a person's").isGreaterThanOrEqualTo(6 * (12 + 8));
    }

    @Test
    void aPublishedDemoEvaluationIsWhatTheEngineComputesFromTheRollups() {
        long h = hospitals.all().get(0).id();
        LocalDate today = LocalDate.now(clock.withZone(hospitals.all().get(0).timeZone()));
        // a year back, where other demo-context tests add no events
        Period quarter = Period.containing(Period.Kind.QUARTER, today.minusYears(1)).previous();
        Evaluation e = evaluations.latestPublished(h, quarter, UnitType.EXAM_CENTER).orElseThrow();
        Map<String, UnitScorecard> stored = evaluations.scorecards(h, e.id(), null, 0, 1000).items().stream()
                .collect(Collectors.toMap(UnitScorecard::channel, c -> c));
        // the same scheme, scored afresh on the rollups (the demo adds no event after loading)
        WhatIfComparison fresh = whatIf.compare(h, schemes.version(h, UnitType.EXAM_CENTER, e.schemeVersion())
                .orElseThrow(), quarter);
        assertThat(fresh.rows()).hasSize(stored.size());
        List<String> ranked = fresh.rows().stream().filter(r -> r.draft().rank() != null).map(r -> r.channel()).toList();
        assertThat(ranked).as("channels are ranked").isNotEmpty();
        for (WhatIfComparison.Row r : fresh.rows()) {
            UnitScorecard card = stored.get(r.channel());
            assertThat(Scorecard.round(card.total())).as(r.channel()).isEqualTo(r.draft().roundedTotal());
            assertThat(card.rank()).isEqualTo(r.draft().rank());
            assertThat(card.tier()).isEqualTo(r.draft().tier());
        }
        assertThat(stored.values().stream().map(UnitScorecard::tier).distinct().count())
                .as("the demo shows more than one tier").isGreaterThan(1);
    }

    @Test
    void runningTheLoaderAgainAddsNothing() throws Exception {
        long h = hospitals.all().get(0).id();
        long before = jdbc.sql("SELECT count(*) FROM evaluation WHERE hospital_id = ?").param(h).query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation WHERE hospital_id = ?").param(h).query(Long.class).single())
                .isEqualTo(before);
    }
}
