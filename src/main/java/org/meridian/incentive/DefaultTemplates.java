package org.meridian.incentive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.shared.UnitType;

/**
 * The default rule templates (默认规则模板). They reward quality and give non-cash benefits only, so none
 * needs a compliance review: green-channel places and training places by tier, an in-kind award for the
 * top 3 of each channel type per quarter, and the lowest-tier sanction policy.
 */
final class DefaultTemplates {

    private static final Map<UnitType, String> CHINESE = Map.of(UnitType.EXAM_CENTER, "体检中心",
            UnitType.COMMUNITY_HEALTH, "社区卫生服务中心/站", UnitType.REFERRAL_INSTITUTION, "转诊医疗机构",
            UnitType.HEALTH_PLATFORM, "健康管理平台", UnitType.ALLIANCE_MEMBER, "医联体/医共体成员", UnitType.OTHER, "其他渠道");

    private DefaultTemplates() {
    }

    static List<RuleDefinition> all(LocalDate validFrom) {
        List<RuleDefinition> list = new ArrayList<>();
        list.add(priority("GREEN-CHANNEL", "绿色通道名额（按等级）", "绿色通道名额", validFrom, quotas(10, 5, 2)));
        list.add(priority("TRAINING-PLACES", "进修培训名额（按等级）", "进修培训名额", validFrom, quotas(4, 2, 1)));
        for (UnitType type : UnitType.channelTypes()) {
            list.add(new RuleDefinition("TOP3-" + type.name(), "季度评优前三名（" + CHINESE.get(type) + "）", "AWARD",
                    type.name(), validFrom, null, null, null, null, null, null, null, null, 3, "QUARTER", null,
                    "优秀合作渠道证书及学术交流名额", null, null, null, null, null, null));
        }
        list.add(new RuleDefinition("LOWEST-TIER", "末级惩戒（预警、观察期、建议终止）", "SANCTION", null, validFrom, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, "D", 1, 2, 3));
        return list;
    }

    private static RuleDefinition priority(String code, String name, String benefit, LocalDate validFrom,
                                           Map<String, Integer> quotas) {
        return new RuleDefinition(code, name, "PRIORITY", null, validFrom, null, null, null, null, null, null, null,
                null, null, null, null, null, benefit, quotas, null, null, null, null);
    }

    private static Map<String, Integer> quotas(int a, int b, int c) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("A", a);
        m.put("B", b);
        m.put("C", c);
        return m;
    }
}
