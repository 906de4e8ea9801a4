package org.meridian.indicator;

import java.util.List;
import java.util.Optional;

import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.IndicatorDefinition;

/**
 * The built-in channel indicator catalogue (渠道指标库) of engine.md §3: the same twelve indicators for every
 * hospital, shipped with Meridian. A hospital adds its own indicators next to them (see {@link IndicatorCatalogue}).
 */
public final class DefaultIndicators {

    private DefaultIndicators() {
    }

    private static final Direction UP = Direction.HIGHER_IS_BETTER;
    private static final Direction DOWN = Direction.LOWER_IS_BETTER;

    public static final List<IndicatorDefinition> CHANNEL = List.of(
            of("REFERRAL_VOLUME", "转诊量", "Referral volume", "人次", "referrals", UP, "referrals",
                    "统计期内渠道转诊（推荐）的患者人次。",
                    "Patients the channel referred in the period."),
            of("ACCEPTANCE_RATE", "受理率", "Acceptance rate", "%", "%", UP, "100 * accepted / referrals",
                    "统计期内医院受理或预约的转诊占转诊量的百分比；按期统计，跨期受理时可超过 100。",
                    "Referrals the hospital accepted or scheduled, as a percentage of referrals in the period; "
                            + "period-based, so it can exceed 100."),
            of("ARRIVAL_RATE", "到诊率", "Arrival rate", "%", "%", UP, "100 * arrivals / referrals",
                    "首诊到院人次占转诊量的百分比。",
                    "First visits that took place, as a percentage of referrals."),
            of("CONVERSION_RATE", "就诊转化率", "Conversion rate", "%", "%", UP, "100 * conversions / arrivals",
                    "到诊后发生住院、手术或购买套餐等转化的百分比。",
                    "Arrivals that converted (admission, surgery, package bought), as a percentage."),
            of("RESPONSE_TIME", "服务响应时间", "Response time", "小时", "hours", DOWN,
                    "response_hours_sum / response_count",
                    "从转诊到医院受理的平均小时数，越短越好。",
                    "Average hours from referral to acceptance; shorter is better."),
            of("SATISFACTION", "患者满意度", "Patient satisfaction", "%", "%", UP, "100 * satisfied / survey_count",
                    "满意度调查中给出 4 分或 5 分的答卷百分比。",
                    "Survey answers of 4 or 5 (out of 5), as a percentage."),
            of("AVG_SATISFACTION", "满意度均分", "Average satisfaction", "分 (1–5)", "points (1–5)", UP,
                    "survey_sum / survey_count",
                    "满意度调查的平均得分（1–5 分）。",
                    "Average survey score on the 1–5 scale."),
            of("NPS", "净推荐值", "Net promoter score", "分", "points", UP,
                    "100 * (promoters - detractors) / nps_count",
                    "推荐者（9–10 分）百分比减去贬损者（0–6 分）百分比，范围 −100 到 100。",
                    "Percentage of promoters (9–10) minus percentage of detractors (0–6), from −100 to 100."),
            of("COMPLAINT_RATE", "投诉率", "Complaint rate", "‰", "‰", DOWN, "1000 * complaints / arrivals",
                    "每千到诊人次的投诉数，越低越好。",
                    "Complaints per thousand arrivals; lower is better."),
            of("RETURN_RATE", "复诊率", "Return-visit rate", "%", "%", UP, "100 * return_visits / arrivals",
                    "复诊人次占到诊人次的百分比。",
                    "Follow-up visits as a percentage of arrivals."),
            of("FEEDBACK_RATE", "闭环反馈率", "Feedback rate", "%", "%", UP, "100 * feedbacks / arrivals",
                    "医院向渠道回转诊疗结果（闭环反馈）的次数占到诊人次的百分比。",
                    "Outcomes the hospital returned to the channel, as a percentage of arrivals."),
            of("REVENUE", "收入贡献", "Revenue contribution", "万元", "10k CNY", UP, "revenue / 10000",
                    "可归属于渠道的收入（退款为负），以万元计。",
                    "Revenue attributable to the channel (refunds negative), in units of 10,000 CNY."));

    public static Optional<IndicatorDefinition> find(String code) {
        return CHANNEL.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    private static IndicatorDefinition of(String code, String zh, String en, String unitZh, String unitEn,
                                          Direction direction, String formula, String descZh, String descEn) {
        return new IndicatorDefinition(code, zh, en, unitZh, unitEn, direction, Formula.parse(formula), descZh,
                descEn);
    }
}
