package org.meridian.region;

/**
 * One district (区县) of the region with its hospitals' figures added up: how many hospitals, how many of them have
 * published an evaluation, the repeat-examination figures of the period over all of them (null when suppressed
 * because fewer records than the threshold were performed there; {@code repeatRecords} is then only compared, never
 * shown), and the months of the completeness window without events and without statistics, summed over its
 * hospitals. {@code district} is null for the hospitals that name none.
 */
public record DistrictFigures(String district, int hospitals, int published, HospitalFigures.Repeats repeats,
                              long repeatRecords, int eventGaps, int statisticGaps) {
}
