package org.meridian.channel;

/** How deep the cooperation with a channel goes (合作层级), api.md. */
public enum CooperationLevel {
    /** 战略合作 */
    STRATEGIC,
    /** 紧密合作 */
    CLOSE,
    /** 一般合作 */
    GENERAL
}
