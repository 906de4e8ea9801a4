package org.meridian.shared;

/**
 * The type of an evaluated unit (engine.md §1), each of one {@link UnitKind}: the channel types, the department
 * types and the institution types. Schemes belong to one unit type; nothing in the engine assumes a channel.
 */
public enum UnitType {
    /** 体检中心 */
    EXAM_CENTER(UnitKind.CHANNEL),
    /** 社区卫生服务中心/站 */
    COMMUNITY_HEALTH(UnitKind.CHANNEL),
    /** 转诊医疗机构 */
    REFERRAL_INSTITUTION(UnitKind.CHANNEL),
    /** 健康管理平台/互联网平台 */
    HEALTH_PLATFORM(UnitKind.CHANNEL),
    /** 医联体/医共体成员 */
    ALLIANCE_MEMBER(UnitKind.CHANNEL),
    /** 其他 */
    OTHER(UnitKind.CHANNEL),
    /** 临床科室 */
    CLINICAL(UnitKind.DEPARTMENT),
    /** 医技科室 */
    MEDICAL_TECHNOLOGY(UnitKind.DEPARTMENT),
    /** 职能科室 */
    ADMINISTRATIVE(UnitKind.DEPARTMENT),
    /** 三级医院 */
    TERTIARY_HOSPITAL(UnitKind.INSTITUTION),
    /** 二级医院 */
    SECONDARY_HOSPITAL(UnitKind.INSTITUTION),
    /** 基层医疗卫生机构 (社区卫生服务中心, 乡镇卫生院) */
    PRIMARY_CARE(UnitKind.INSTITUTION);

    private final UnitKind kind;

    UnitType(UnitKind kind) {
        this.kind = kind;
    }

    public UnitKind kind() {
        return kind;
    }

    /** The types of one kind, in declaration order. */
    public static java.util.List<UnitType> of(UnitKind kind) {
        return java.util.Arrays.stream(values()).filter(t -> t.kind == kind).toList();
    }

    /** The channel types: what the channel registry, its imports and its demo offer. */
    public static java.util.List<UnitType> channelTypes() {
        return of(UnitKind.CHANNEL);
    }
}
