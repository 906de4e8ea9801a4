package org.meridian.indicator;

/**
 * The measures (度量) of engine.md §2–3: per unit and local date sums that events add to, and that add
 * up over any period. Indicator formulas name them by {@link #key()} (e.g. {@code referrals}).
 */
public enum Measure {
    /** 转诊量: REFERRAL +1 */
    REFERRALS("referrals"),
    /** 受理: ACCEPTED +1 */
    ACCEPTED("accepted"),
    /** 到诊: ARRIVED +1 */
    ARRIVALS("arrivals"),
    /** 转化: CONVERTED +1 */
    CONVERSIONS("conversions"),
    /** 收入 (CNY): REVENUE += value (negative for refunds) */
    REVENUE("revenue"),
    /** 满意度调查份数: SURVEY +1 */
    SURVEY_COUNT("survey_count"),
    /** 满意度得分之和: SURVEY += value */
    SURVEY_SUM("survey_sum"),
    /** 满意 (value ≥ 4): SURVEY +1 */
    SATISFIED("satisfied"),
    /** 推荐意愿答卷数: SURVEY with recommend +1 */
    NPS_COUNT("nps_count"),
    /** 推荐者 (recommend ≥ 9) */
    PROMOTERS("promoters"),
    /** 贬损者 (recommend ≤ 6) */
    DETRACTORS("detractors"),
    /** 投诉: COMPLAINT +1 */
    COMPLAINTS("complaints"),
    /** 复诊: RETURN_VISIT +1 */
    RETURN_VISITS("return_visits"),
    /** 闭环反馈: FEEDBACK +1 */
    FEEDBACKS("feedbacks"),
    /** 转出: REFERRAL_OUT +1 (a patient referred out to another institution of the region) */
    REFERRALS_OUT("referrals_out"),
    /** 响应对数: a REFERRAL/ACCEPTED pair, on the ACCEPTED's local date */
    RESPONSE_COUNT("response_count"),
    /** 响应小时之和: hours between REFERRAL and ACCEPTED of each pair */
    RESPONSE_HOURS_SUM("response_hours_sum");

    private final String key;

    Measure(String key) {
        this.key = key;
    }

    /** The name used in formulas and as the rollup column. */
    public String key() {
        return key;
    }

    public static java.util.Optional<Measure> byKey(String key) {
        for (Measure m : values()) {
            if (m.key.equals(key)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
