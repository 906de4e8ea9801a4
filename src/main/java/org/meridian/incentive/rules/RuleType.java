package org.meridian.incentive.rules;

/** The five kinds of incentive rule of a hospital. */
public enum RuleType {
    /** 返费/服务费: a base (fixed amount or measure) × a rate by tier or score band, capped per period. */
    FEE,
    /** 评优: an award in money or in kind for the top N channels of a unit type per quarter or year. */
    AWARD,
    /** 优先权益: a non-cash right by tier, such as a green-channel quota (绿色通道名额). */
    PRIORITY,
    /** 奖惩 (惩): warning, probation, termination recommendation for channels stuck in the lowest tier. */
    SANCTION,
    /** 人工调整: a manual amount with a reason, on one statement. */
    ADJUSTMENT
}
