package org.meridian.shared.security;

/**
 * What a person may do in Meridian. ADMIN implies HOSPITAL_MANAGER, which implies CHANNEL_MANAGER,
 * which implies ANALYST (see {@code SecurityConfiguration#roleHierarchy}); CHANNEL_USER,
 * REGULATOR, REFERRAL_DESK and REGION_ADMIN stand apart.
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
    REFERRAL_DESK,
    /**
     * 区域管理员: creates the hospitals of its region with their first administrator and manages which accounts act
     * in which hospitals. Granted only by a region administrator (or to {@code admin} at the first start), never by a
     * hospital's administrator.
     */
    REGION_ADMIN;

    /** The roles a hospital's administrator may grant on the account pages: all but {@link #REGION_ADMIN}. */
    public static java.util.List<Role> grantableByHospital() {
        return java.util.Arrays.stream(values()).filter(r -> r != REGION_ADMIN).toList();
    }

    /**
     * Whether the roles include one of a hospital's own (ANALYST up to ADMIN): only such an account may be granted
     * further hospitals and act in them (a channel user is bound to one channel, a regulator or region administrator
     * reads the region, not a hospital).
     */
    public static boolean anyOfHospital(java.util.Collection<Role> roles) {
        return roles.contains(ADMIN) || roles.contains(HOSPITAL_MANAGER) || roles.contains(CHANNEL_MANAGER)
                || roles.contains(ANALYST);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
