package org.meridian.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.meridian.channel.ChannelStatus.ACTIVE;
import static org.meridian.channel.ChannelStatus.PILOT;
import static org.meridian.channel.ChannelStatus.PROBATION;
import static org.meridian.channel.ChannelStatus.PROSPECT;
import static org.meridian.channel.ChannelStatus.TERMINATED;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;

/** The lifecycle policy and the registry's input rules, without a database. */
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
                        .extracting(InputProblem::field)
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

    private static ChannelDraft draft(String code, String name, String type, String level, String status, String region,
                                      String phone, String start, String end) {
        return new ChannelDraft(code, name, type, level, status, region, null, null, phone, start, end, null, null);
    }
}
