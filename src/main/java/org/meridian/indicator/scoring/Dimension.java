package org.meridian.indicator.scoring;

/**
 * The dimension (维度) an indicator belongs to. A scorecard has a score per dimension of its scheme; the
 * dimensions other than {@link #BRAND} make up a unit's performance (绩效), {@code BRAND} its brand index (品牌指数).
 * {@link #CHANNEL} (渠道) is the default and the dimension of the built-in channel catalogue.
 */
public enum Dimension {
    /** 医疗质量 */
    QUALITY,
    /** 运营效率 */
    EFFICIENCY,
    /** 持续发展 */
    SUSTAINABILITY,
    /** 满意度 */
    SATISFACTION,
    /** 社会责任 */
    SOCIAL,
    /** 品牌 */
    BRAND,
    /** 渠道 */
    CHANNEL;

    /** The dimension of an indicator saved without one. */
    public static final Dimension DEFAULT = CHANNEL;

    /** The stored or sent name, case-insensitive; null or blank is the default; null when it names none. */
    public static Dimension parse(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT;
        }
        for (Dimension d : values()) {
            if (d.name().equalsIgnoreCase(name.strip())) {
                return d;
            }
        }
        return null;
    }
}
