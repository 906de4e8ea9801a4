package org.meridian.incentive.statements;

/** Where a statement (结算单) is in its workflow: DRAFT → REVIEWED → APPROVED → PAID (a DRAFT may be SUPERSEDED). */
public enum StatementStatus {
    /** 草稿: lines are computed; adjustments may be added. */
    DRAFT,
    /** 已复核: checked by a second person; no more lines. */
    REVIEWED,
    /** 已批准: approved by a hospital manager who did not prepare it. */
    APPROVED,
    /** 已支付: paid out; final. */
    PAID,
    /**
     * 已被取代: a DRAFT drafted from an evaluation version that a newer published version replaced; kept
     * read-only, never counted, pointing at the draft that replaced it.
     */
    SUPERSEDED
}
