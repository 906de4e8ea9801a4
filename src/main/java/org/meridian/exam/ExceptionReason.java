package org.meridian.exam;

import java.util.List;

/**
 * A reason why a repeated examination was justified (不予互认的理由), from the region's list; a record carrying one is
 * neither a repeat nor a same-institution repeat. {@link #DEFAULTS} is the list every region starts with.
 */
public record ExceptionReason(String code, String nameZh, String nameEn) {

    public static final List<ExceptionReason> DEFAULTS = List.of(
            new ExceptionReason("CONDITION_CHANGED", "病情变化", "Condition changed"),
            new ExceptionReason("EMERGENCY", "急诊抢救", "Emergency"),
            new ExceptionReason("PATIENT_REQUEST", "患者要求", "Patient's request"),
            new ExceptionReason("RESULT_TOO_OLD", "结果已过时效", "Result too old"),
            new ExceptionReason("QC_FAILED", "原机构室间质评不合格", "External quality assessment failed"));
}
