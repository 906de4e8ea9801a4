package org.meridian.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianDemoTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo mode (the same context as {@code DemoModeTest}): every channel unit type starts with a scheme. */
@MeridianDemoTest
class DemoSchemesModeTest {

    @Autowired SchemeCatalogue schemes;
    @Autowired Hospitals hospitals;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService details;

    @Test
    void everyChannelUnitTypeHasTheDemoScheme() {
        long hospital = hospitals.all().get(0).id();
        for (UnitType type : UnitType.channelTypes()) {
            SchemeSnapshot s = schemes.current(hospital, type).orElseThrow();
            assertThat(s.savedBy()).as("the demo acts as a named system actor").isEqualTo("system:demo");
            assertThat(s.items()).extracting(i -> i.code())
                    .containsExactlyElementsOf(DemoSchemes.draftFor(type).indicators().stream()
                            .map(i -> i.code()).toList());
        }
        assertThat(schemes.current(hospital, UnitType.EXAM_CENTER).orElseThrow().item("RESPONSE_TIME"))
                .isPresent();
    }

    /**
     * The other channels' (其他) scheme came from the weighting assistant by AHP: referral volume judged 2 against each
     * of the three others, those equal among themselves. a_ij = w_i/w_j for w = (0.4, 0.2, 0.2, 0.2), so the matrix is
     * consistent, λmax = n = 4, CR = 0, and the weights are 40, 20, 20, 20; the scheme page says so in words.
     */
    @Test
    void theOtherChannelsSchemeWasWeighedByAhpAndItsPageSaysSo() throws Exception {
        long hospital = hospitals.all().get(0).id();
        SchemeSnapshot s = schemes.current(hospital, UnitType.OTHER).orElseThrow();
        WeightingRecord w = schemes.weighting(hospital, UnitType.OTHER, s.version()).orElseThrow();
        assertThat(w.inputs().method()).isEqualTo(WeightMethod.AHP);
        assertThat(w.result().cr()).isCloseTo(0, within(1e-9));
        assertThat(w.result().lambdaMax()).isCloseTo(4, within(1e-9));
        assertThat(s.items()).extracting(i -> i.weight().intValueExact()).containsExactly(40, 20, 20, 20);
        assertThat(w.adjusted(s)).isEmpty();
        mvc.perform(get("/indicators/schemes/OTHER").with(user(details.loadUserByUsername("analyst"))))
                .andExpect(content().string(containsString(
                        "第 1 版的权重由层次分析法得出：4 个指标两两比较（判断如下），最大特征值 λmax = 4.000，一致性比率 CR = 0.000")))
                .andExpect(content().string(containsString("「转诊量」比「到诊率」介于同等与稍微重要之间（2）")))
                .andExpect(content().string(containsString("「到诊率」与「患者满意度」同等重要（1）")));
        for (UnitType type : UnitType.channelTypes()) {
            if (type != UnitType.OTHER) {
                assertThat(schemes.weighting(hospital, type, 1)).as(type + ": weights set by hand").isEmpty();
            }
        }
    }
}
