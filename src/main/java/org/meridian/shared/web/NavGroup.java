package org.meridian.shared.web;

/**
 * A group of the main navigation: the few headings under which a hospital user looks for a page (渠道, 科室与机构, 数据,
 * 评估与反馈, 激励, 洞察, 管理). On a desktop a group is a drop-down, on a phone a headed section of the menu. A
 * module names the group of its {@link NavItem}; a group of which the user sees a single item shows that item as
 * a plain link, and a navigation of at most {@link Navigation#FLAT_UP_TO} items is not grouped at
 * all.
 *
 * <p>Later modules (departments, brand, allocation, region) add their group here if none of these fits.
 */
public enum NavGroup {

    /** 渠道: the channel registry, its tiers and contracts. */
    CHANNELS(20, "nav.group.channels"),
    /** 科室与机构: the hospital's departments and the region's institutions. */
    ORGANISATION(25, "nav.group.organisation"),
    /** 数据: data intake and its monitor, the indicator catalogue and schemes. */
    DATA(30, "nav.group.data"),
    /** 评估与反馈: evaluations, feedback reports, appeals and rectification. */
    ASSESSMENT(50, "nav.group.assessment"),
    /** 激励: incentive rules, statements, approvals and sanctions. */
    INCENTIVES(60, "nav.group.incentives"),
    /** 洞察: forecasts, anomalies, weighting, alerts. */
    INSIGHTS(70, "nav.group.insights"),
    /** 管理: users, API tokens and the hospital's settings. */
    ADMIN(90, "nav.group.admin");

    private final int order;
    private final String labelKey;

    NavGroup(int order, String labelKey) {
        this.order = order;
        this.labelKey = labelKey;
    }

    /** Position among the navigation's entries, ascending, on the same scale as {@link NavItem#order()}. */
    public int order() {
        return order;
    }

    /** Message key of the group's heading. */
    public String labelKey() {
        return labelKey;
    }

    /** The id used in the page (element ids, test selectors): {@code data}, {@code assessment}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
