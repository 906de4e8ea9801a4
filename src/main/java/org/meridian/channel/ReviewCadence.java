package org.meridian.channel;

/** How often the channels of a tier are reviewed (考核周期). */
public enum ReviewCadence {
    /** 每月 */
    MONTHLY,
    /** 每季度 */
    QUARTERLY,
    /** 每半年 */
    HALF_YEARLY,
    /** 每年 */
    YEARLY
}
