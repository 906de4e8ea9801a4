package org.meridian.intake;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of event of engine.md §2 and what each one means for a channel. */
public enum EventType {
    /** 转诊/推荐: the channel referred a patient. */
    REFERRAL,
    /** 受理/预约: the hospital accepted or scheduled that referral. */
    ACCEPTED,
    /** 到诊: the patient's first visit took place. */
    ARRIVED,
    /** 转化: admission, surgery, package bought. */
    CONVERTED,
    /** 收入贡献 (CNY), negative for refunds. */
    REVENUE,
    /** 满意度调查: value 1–5, optional attribute {@code recommend} 0–10. */
    SURVEY,
    /** 投诉. */
    COMPLAINT,
    /** 复诊. */
    RETURN_VISIT,
    /** 回转/闭环反馈: the hospital returned the outcome to the channel. */
    FEEDBACK,
    /**
     * 转出 (双向转诊): the hospital referred a patient out to another institution of its region, named by
     * {@code attributes.to} (and the referring one by {@code attributes.from} when it is not the hospital itself);
     * the alliance report counts these as upward and downward referrals (docs/region.md).
     */
    REFERRAL_OUT;

    /** Types that must carry a {@code referralId}. */
    public boolean needsReferralId() {
        return this == REFERRAL || this == ACCEPTED;
    }

    /** Types that must carry a numeric {@code value}. */
    public boolean needsValue() {
        return this == REVENUE || this == SURVEY;
    }

    /** Types that must name the receiving institution in {@code attributes.to}. */
    public boolean needsDestination() {
        return this == REFERRAL_OUT;
    }

    public static Optional<EventType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.name().equals(text)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
