package org.meridian.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meridian.channel.ChannelStatus.ACTIVE;
import static org.meridian.channel.ChannelStatus.PILOT;
import static org.meridian.channel.ChannelStatus.PROBATION;
import static org.meridian.channel.ChannelStatus.PROSPECT;
import static org.meridian.channel.ChannelStatus.TERMINATED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;

/** The lifecycle policy, the visibility policy and the registry's input rules, without a database. */
class ChannelRulesTest {

    @Test
    void lifecycleAllowsOnlyTheDocumentedSteps() {
        assertThat(PROSPECT.next()).containsExactlyInAnyOrder(PILOT, ACTIVE, TERMINATED);
        assertThat(PILOT.next()).containsExactlyInAnyOrder(ACTIVE, TERMINATED);
        assertThat(ACTIVE.next()).containsExactlyInAnyOrder(PROBATION, TERMINATED);
        assertThat(PROBATION.next()).containsExactlyInAnyOrder(ACTIVE, TERMINATED);
        assertThat(TERMINATED.next()).containsExactly(PROSPECT);
        assertThat(PROSPECT.canMoveTo(PROBATION)).isFalse();
        assertThat(ACTIVE.canMoveTo(ACTIVE)).isFalse();
        assertThat(List.of(ChannelStatus.values())).filteredOn(ChannelStatus::evaluable)
                .containsExactly(PILOT, ACTIVE, PROBATION);
    }

    @Test
    void theEvaluableStatusesAreOneSet() {
        assertThat(ChannelStatus.EVALUABLE).containsExactlyInAnyOrder(PILOT, ACTIVE, PROBATION);
        assertThatThrownBy(() -> ChannelStatus.EVALUABLE.add(PROSPECT)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNamedStatusIsReadInAnyCaseAndAnUnknownOneIsListedWithTheReasonsProblems() {
        assertThat(ChannelStatus.named(" probation ", "reason", "")).isEqualTo(PROBATION);
        assertThat(ChannelStatus.named("  ", "reason", "")).as("none given: the lifecycle says it is required").isNull();
        assertThatThrownBy(() -> ChannelStatus.named("GONE", "statusReason", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path, Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("status", "channel.error.unknownStatus"),
                                org.assertj.core.groups.Tuple.tuple("statusReason", "channel.error.reasonRequired")));
        assertThatThrownBy(() -> ChannelStatus.named("GONE", "reason", "整改完成"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("status"));
    }

    @Test
    void theRegistryIsSeenFromAnalystUpChangedFromChannelManagerUpAndTiersDecidedFromHospitalManagerUp() {
        Actor analyst = actor(Role.ANALYST);
        Actor office = actor(Role.CHANNEL_MANAGER);
        Actor boss = actor(Role.HOSPITAL_MANAGER);
        Actor admin = actor(Role.ADMIN);
        Actor partner = new Actor(1, "partner", Set.of(Role.CHANNEL_USER), 7L);
        Actor regulator = actor(Role.REGULATOR);
        Actor system = Actor.system(1, "evaluation");

        assertThat(List.of(analyst, office, boss, admin, system)).allMatch(ChannelVisibility::seesRegistry);
        assertThat(List.of(partner, regulator)).noneMatch(ChannelVisibility::seesRegistry);
        assertThat(List.of(office, boss, admin, system)).allMatch(ChannelVisibility::changesChannels);
        assertThat(List.of(analyst, partner, regulator)).noneMatch(ChannelVisibility::changesChannels);
        assertThat(List.of(boss, admin)).allMatch(ChannelVisibility::decidesTiers);
        assertThat(List.of(analyst, office, partner, regulator, system)).noneMatch(ChannelVisibility::decidesTiers);
    }

    @Test
    void aTierStandardFromAFormIsTrimmedAndKeepsTheRateWithTwoDecimals() {
        TierStandard s = TierStandard.parse(" 核心 ", "QUARTERLY", " 6 ", "2.5", "15", " 8 ", "70", "  ");
        assertThat(s).isEqualTo(new TierStandard("核心", ReviewCadence.QUARTERLY, 6, new BigDecimal("2.50"), 15, 8, 70,
                null));
        assertThat(s.incentiveRate().toPlainString()).isEqualTo("2.50");
        assertThat(TierStandard.parse("战略", "MONTHLY", "365", "100", "100000", "720", "100", null).visitsPerYear()).isEqualTo(365);
        assertThat(TierStandard.parse("观察", "YEARLY", "0", "0", "0", "1", "0", null).incentiveRate()).isEqualByComparingTo("0");
    }

    @Test
    void everyProblemOfATierStandardIsListedAtOnce() {
        assertThatThrownBy(() -> TierStandard.parse(" ", "WEEKLY", "366", "1.234", "-1", "0", "101",
                "注".repeat(1001)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path, Problem::args)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", List.of()),
                                org.assertj.core.groups.Tuple.tuple("reviewCadence", List.of("WEEKLY")),
                                org.assertj.core.groups.Tuple.tuple("visitsPerYear", List.of(0, 365)),
                                org.assertj.core.groups.Tuple.tuple("priorityQuota", List.of(0, 100_000)),
                                // a promised response of 0 hours is none; 721 hours would be more than a month
                                org.assertj.core.groups.Tuple.tuple("responseHours", List.of(1, 720)),
                                org.assertj.core.groups.Tuple.tuple("arrivalRate", List.of(0, 100)),
                                org.assertj.core.groups.Tuple.tuple("incentiveRate", List.of()),
                                org.assertj.core.groups.Tuple.tuple("notes", List.of(1000))));
        assertThatThrownBy(() -> TierStandard.parse("名".repeat(51), "QUARTERLY", "six", "", "1.5", "8", "x", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path, Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "channel.error.tooLong"),
                                org.assertj.core.groups.Tuple.tuple("visitsPerYear", "channel.error.range"),
                                org.assertj.core.groups.Tuple.tuple("priorityQuota", "channel.error.range"),
                                org.assertj.core.groups.Tuple.tuple("arrivalRate", "channel.error.range"),
                                org.assertj.core.groups.Tuple.tuple("incentiveRate", "channel.error.rate")));
        assertThatThrownBy(() -> new TierStandard("核心", null, 6, new BigDecimal("101"), 15, 0, 70, null))
                .as("the typed constructor holds the same rules")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("reviewCadence", "responseHours", "incentiveRate"));
    }

    @Test
    void aGoodDraftIsTrimmedAndTyped() {
        ChannelDraft.Fields f = draft(" CH-9 ", " 名称 ", "exam_center", "strategic", "", " 杭州市 / 西湖区 ",
                "+86 13812345678", "2026-01-01", "2026-01-01").check(true);
        assertThat(f.code()).isEqualTo("CH-9");
        assertThat(f.name()).isEqualTo("名称");
        assertThat(f.type()).isEqualTo(UnitType.EXAM_CENTER);
        assertThat(f.cooperationLevel()).isEqualTo(CooperationLevel.STRATEGIC);
        assertThat(f.status()).as("defaults to ACTIVE").isEqualTo(ACTIVE);
        assertThat(f.region()).isEqualTo("杭州市/西湖区");
        assertThat(f.contractEnd()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> draft("CH 9", "", "SPA", "BEST", "TERMINATED", "a/b/c/d", "1381234567",
                "2026-02-30", "x").check(true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path)
                        .containsExactly("code", "name", "type", "cooperationLevel", "status", "region", "contactPhone",
                                "contractStart", "contractEnd"));
    }

    @Test
    void phoneNumbersFollowMainlandFormats() {
        for (String ok : List.of("13812345678", "+86-13812345678", "0571-87654321", "057187654321", "010-12345678-801",
                "400-123-4567")) {
            assertThat(draft("C", "n", "OTHER", null, null, null, ok, null, null).check(false).contactPhone()).isEqualTo(ok);
        }
        for (String bad : List.of("12812345678", "1381234567", "87654321", "0571-876", "abc")) {
            assertThatThrownBy(() -> draft("C", "n", "OTHER", null, null, null, bad, null, null).check(false))
                    .as(bad).isInstanceOf(InvalidInputException.class);
        }
    }

    private static Actor actor(Role role) {
        return new Actor(1, role.name().toLowerCase(java.util.Locale.ROOT), Set.of(role), null);
    }

    private static ChannelDraft draft(String code, String name, String type, String level, String status, String region,
                                      String phone, String start, String end) {
        return new ChannelDraft(code, name, type, level, status, region, null, null, phone, start, end, null, null);
    }
}
