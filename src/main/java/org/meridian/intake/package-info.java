/**
 * Intake (数据采集): the events that channels and hospital systems send (转诊, 受理, 到诊, 转化, 收入, 满意度,
 * 投诉, 复诊, 回转反馈), validated row by row, stored once (idempotent by event id), pseudonymised, and summed
 * into exact daily and monthly measures per channel (engine.md §2–3). Events arrive by REST, CSV/XLSX import
 * and FHIR R4.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "channel", "indicator", "indicator :: scoring", "unit"})
package org.meridian.intake;
