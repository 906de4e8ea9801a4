package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.meridian.intake.RawEvent;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo alliance's two-way referrals (docs/region.md, "Demo region"). Today is 2027-01-15, so the referrals run over
 * 2026: H001 sends about 25 a month down to H002 and 40 to H004, H002 about 30 and H004 about 20 up to H001 — over the
 * year some 12 × 50 = 600 up and 12 × 65 = 780 down, a downward share near 780 / 1,380 ≈ 0.57.
 */
@MeridianDemoTest
class RegionDemoDataTest {

    @Autowired AllianceReporting reporting;
    @Autowired Hospitals hospitals;

    @Test
    void theDemoAllianceReportsEveryGeneratedReferralAndBelievableFigures() {
        Map<String, List<RawEvent>> generated = RegionDemoData.referrals(LocalDate.of(2027, 1, 1));
        long down = generated.get("H001").size();
        long up = generated.get("H002").size() + generated.get("H004").size();
        Actor regulator = new Actor(hospitals.findByCode("H001").orElseThrow().id(), "test-regulator",
                java.util.EnumSet.of(Role.REGULATOR), null);
        AllianceFigures report = reporting.report(regulator, "DEMO-EAST", Period.year(2026));
        assertThat(report.referrals().upward().count()).isEqualTo(up).isBetween(420L, 780L);
        assertThat(report.referrals().downward().count()).isEqualTo(down).isBetween(546L, 1014L);
        assertThat(report.referrals().downwardShare().fraction().doubleValue()).isBetween(0.5, 0.65);
        AllianceFigures.Member h004 = report.members().stream()
                .filter(m -> m.institution().reference().equals("H004")).findFirst().orElseThrow();
        assertThat(h004.referrals().downward().count()).isEqualTo(generated.get("H001").stream()
                .filter(e -> e.attributes().get("to").equals("H004")).count());
        assertThat(h004.referrals().upward().count()).isEqualTo(generated.get("H004").size());
    }
}
