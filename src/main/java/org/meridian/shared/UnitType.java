package org.meridian.shared;

/**
 * The type of an evaluated unit (engine.md §1). v1 units are channels; departments and institutions
 * will add their own types. Schemes belong to one unit type; nothing in the engine assumes a channel.
 */
public enum UnitType {
    /** 体检中心 */
    EXAM_CENTER,
    /** 社区卫生服务中心/站 */
    COMMUNITY_HEALTH,
    /** 转诊医疗机构 */
    REFERRAL_INSTITUTION,
    /** 健康管理平台/互联网平台 */
    HEALTH_PLATFORM,
    /** 医联体/医共体成员 */
    ALLIANCE_MEMBER,
    /** 其他 */
    OTHER
}
