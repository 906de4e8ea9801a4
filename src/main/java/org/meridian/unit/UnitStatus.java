package org.meridian.unit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a department or institution stands (状态), with the channels' names: a new unit is ACTIVE unless said
 * otherwise. Units in PILOT, ACTIVE or PROBATION are evaluated ({@link #EVALUABLE}).
 */
public enum UnitStatus {
    /** 筹建 */
    PROSPECT,
    /** 试运行 */
    PILOT,
    /** 运行中 */
    ACTIVE,
    /** 整改观察 */
    PROBATION,
    /** 已撤销 */
    TERMINATED;

    /** The statuses whose units evaluations score; the registry's SQL binds these names. */
    public static final Set<UnitStatus> EVALUABLE = Collections.unmodifiableSet(EnumSet.of(PILOT, ACTIVE, PROBATION));
}
