package org.meridian.shared.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The daily work at a local hour: at 2027-01-14T23:30Z it is 07:30 on 15 January in Shanghai (UTC+8), 08:30 on the 15th
 * in Tokyo (UTC+9), 23:30 on the 14th in London (UTC+0 in winter) and 18:30 on the 14th in New York (UTC−5).
 */
class HospitalScheduleTest {

    static final Instant NOW = Instant.parse("2027-01-14T23:30:00Z");
    static final Hospital SHANGHAI = new Hospital(1, "SH", "上海", ZoneId.of("Asia/Shanghai"));
    static final Hospital SHANGHAI_2 = new Hospital(2, "SH2", "上海二", ZoneId.of("Asia/Shanghai"));
    static final Hospital TOKYO = new Hospital(3, "TK", "东京", ZoneId.of("Asia/Tokyo"));
    static final Hospital LONDON = new Hospital(4, "LN", "伦敦", ZoneId.of("Europe/London"));
    static final Hospital NEW_YORK = new Hospital(5, "NY", "纽约", ZoneId.of("America/New_York"));
    static final List<Hospital> ALL = List.of(SHANGHAI, SHANGHAI_2, TOKYO, LONDON, NEW_YORK);

    @Test
    void runsForTheHospitalsWhereItIsThatHourWithTheirLocalDateAsTheNamedSystemActor() {
        List<String> ran = new ArrayList<>();
        HospitalSchedule.Work work = (actor, today) -> ran.add(actor.hospitalId() + " " + actor.username() + " " + today);

        assertThat(HospitalSchedule.daily(ALL, NOW, 7, "overdue-check", work)).isEqualTo(2);
        assertThat(ran).containsExactly("1 system:overdue-check 2027-01-15", "2 system:overdue-check 2027-01-15");

        ran.clear();
        assertThat(HospitalSchedule.daily(ALL, NOW, 23, "alert-scan", work)).isEqualTo(1);
        assertThat(ran).containsExactly("4 system:alert-scan 2027-01-14");

        ran.clear();
        assertThat(HospitalSchedule.daily(ALL, NOW, 18, "forecast", work)).isEqualTo(1);
        assertThat(ran).containsExactly("5 system:forecast 2027-01-14");

        ran.clear();
        assertThat(HospitalSchedule.daily(ALL, NOW, 3, "forecast", work)).isZero();
        assertThat(ran).isEmpty();
    }

    @Test
    void aFailureOfOneHospitalDoesNotStopTheOthers() {
        List<Long> ran = new ArrayList<>();
        HospitalSchedule.Work work = (actor, today) -> {
            if (actor.hospitalId() == SHANGHAI.id()) {
                throw new IllegalStateException("the first hospital fails");
            }
            ran.add(actor.hospitalId());
        };
        assertThat(HospitalSchedule.daily(ALL, NOW, 7, "overdue-check", work)).isEqualTo(2);
        assertThat(ran).containsExactly(SHANGHAI_2.id());
    }

    @Test
    void anHourIsOfTheDay() {
        assertThatThrownBy(() -> HospitalSchedule.daily(ALL, NOW, 24, "x", (actor, today) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
