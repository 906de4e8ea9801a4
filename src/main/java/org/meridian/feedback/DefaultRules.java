package org.meridian.feedback;

import java.util.List;

/**
 * The suggestion rules every hospital starts with (默认改进建议规则), one per built-in indicator that a channel can
 * act on, each applying below a score of 60 (the usual pass mark). A hospital edits or disables them on the rules
 * page; they are seeded once, so disabling them all never brings them back.
 */
final class DefaultRules {

    static final String THRESHOLD = "60";

    private DefaultRules() {
    }

    static List<RuleDraft> all() {
        return List.of(
                rule("REFERRAL_VOLUME", "转诊量偏低：建议与本院对口科室共同梳理转诊适应证，开展联合义诊或健康讲座，扩大转诊来源。",
                        "Low referral volume: review the referral indications with the matching departments and run "
                                + "joint clinics or health talks to widen the sources of referrals."),
                rule("ACCEPTANCE_RATE", "受理率偏低：转诊前请按转诊单填写完整病史和检查结果，并与渠道办确认专科号源。",
                        "Low acceptance rate: complete the history and test results on each referral form and confirm "
                                + "specialist slots with the channel office before referring."),
                rule("ARRIVAL_RATE", "到诊率偏低：建议转诊后 24 小时内电话提醒患者，并协助预约挂号和交通安排。",
                        "Low arrival rate: call referred patients within 24 hours and help them book and plan the "
                                + "visit."),
                rule("RESPONSE_TIME", "响应时间偏长：请指定专人对接转诊，在工作时间内及时提交并跟进转诊申请。",
                        "Slow response: name one contact person for referrals and submit and follow up requests "
                                + "during working hours."),
                rule("SATISFACTION", "满意度偏低：建议在转诊前向患者说明就诊流程与费用，并收集患者意见反馈给渠道办。",
                        "Low satisfaction: explain the visit and its costs to patients before referring and pass "
                                + "their comments on to the channel office."),
                rule("COMPLAINT_RATE", "投诉率偏高：请与渠道办逐件复盘投诉原因，制定并落实整改措施。",
                        "High complaint rate: review each complaint with the channel office and agree on corrective "
                                + "actions."),
                rule("FEEDBACK_RATE", "闭环反馈率偏低：请及时接收并确认医院回转的诊疗结果，做好患者随访。",
                        "Low feedback rate: receive and confirm the outcomes the hospital returns and follow up "
                                + "with the patients."));
    }

    private static RuleDraft rule(String code, String zh, String en) {
        return new RuleDraft(code, THRESHOLD, zh, en);
    }
}
