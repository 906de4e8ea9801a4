package org.meridian.shared.security;

/**
 * What a person may do in Meridian. ADMIN implies HOSPITAL_MANAGER, which implies CHANNEL_MANAGER,
 * which implies ANALYST (see {@code SecurityConfiguration#roleHierarchy}); CHANNEL_USER,
 * REGULATOR and REFERRAL_DESK stand apart.
 */
public enum Role {
    /** 系统管理员: accounts, tokens, every endpoint. */
    ADMIN,
    /** 院领导/主管: approves tier downgrades, statements, compliance sign-offs. */
    HOSPITAL_MANAGER,
    /** 渠道管理: runs the channel office day to day. */
    CHANNEL_MANAGER,
    /** 只读分析: reads everything of the hospital, changes nothing. */
    ANALYST,
    /** 渠道方: a channel's own staff, bound to one channel, sees only that channel. */
    CHANNEL_USER,
    /** 区域监管: read-only across the hospitals of a region. */
    REGULATOR,
    /** 转诊服务中心: the hospital's referral desk, works the channels' referrals and sees nothing else. */
    REFERRAL_DESK;

    public String authority() {
        return "ROLE_" + name();
    }
}
