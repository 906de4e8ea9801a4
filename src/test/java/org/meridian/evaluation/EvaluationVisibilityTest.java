package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;

/** Who sees which evaluation and whose scorecards: the policy's table, role by role. */
class EvaluationVisibilityTest {

    static final Evaluation DRAFT = evaluation(EvaluationStatus.DRAFT);
    static final Evaluation PUBLISHED = evaluation(EvaluationStatus.PUBLISHED);

    static Evaluation evaluation(EvaluationStatus status) {
        return new Evaluation(1, Period.month(2026, 9), UnitType.COMMUNITY_HEALTH, 1, status, 1,
                Instant.parse("2026-10-01T00:00:00Z"), "office", null, null, 3);
    }

    static Actor person(Role role, Long channelId) {
        return new Actor(7, "someone", Set.of(role), channelId);
    }

    @Test
    void analystsAndAboveSeeDraftsAndEveryChannel() {
        for (Role role : Set.of(Role.ANALYST, Role.CHANNEL_MANAGER, Role.HOSPITAL_MANAGER, Role.ADMIN)) {
            Actor a = person(role, null);
            assertThat(EvaluationVisibility.seesAll(a)).as(role.name()).isTrue();
            assertThat(EvaluationVisibility.sees(a, DRAFT)).as(role.name()).isTrue();
            assertThat(EvaluationVisibility.seesChannel(a, 42)).as(role.name()).isTrue();
            assertThat(EvaluationVisibility.channelScope(a)).as(role.name()).isNull();
        }
    }

    @Test
    void theSystemActingForAHospitalSeesWhatAnAnalystSees() {
        Actor system = Actor.system(7, "feedback");
        assertThat(EvaluationVisibility.sees(system, DRAFT)).isTrue();
        assertThat(EvaluationVisibility.channelScope(system)).isNull();
    }

    @Test
    void aChannelUserSeesPublishedEvaluationsAndOnlyItsOwnChannel() {
        Actor user = person(Role.CHANNEL_USER, 42L);
        assertThat(EvaluationVisibility.seesAll(user)).isFalse();
        assertThat(EvaluationVisibility.sees(user, PUBLISHED)).isTrue();
        assertThat(EvaluationVisibility.sees(user, DRAFT)).isFalse();
        assertThat(EvaluationVisibility.seesChannel(user, 42)).isTrue();
        assertThat(EvaluationVisibility.seesChannel(user, 43)).isFalse();
        assertThat(EvaluationVisibility.channelScope(user)).isEqualTo(42L);
    }

    @Test
    void someoneBoundToNoChannelSeesNoChannelsResults() {
        Actor regulator = person(Role.REGULATOR, null);
        assertThat(EvaluationVisibility.sees(regulator, DRAFT)).isFalse();
        assertThat(EvaluationVisibility.seesChannel(regulator, 42)).isFalse();
        assertThat(EvaluationVisibility.channelScope(regulator)).isEqualTo(-1L);
    }
}
