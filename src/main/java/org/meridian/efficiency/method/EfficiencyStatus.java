package org.meridian.efficiency.method;

/** A unit's place against the frontier, after both phases (tolerance 1e-9). */
public enum EfficiencyStatus {
    /** Score 1 and every slack 0 (DEA 有效). */
    EFFICIENT,
    /** Score 1, but some input could still shrink or some output grow (弱有效). */
    WEAKLY_EFFICIENT,
    /** Score below 1 (非有效). */
    INEFFICIENT
}
