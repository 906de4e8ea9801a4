/**
 * The scoring engine (评分引擎) of engine.md §3–4 as plain Java: indicator formulas over period measure
 * totals, the scoring rules ({@code LINEAR}, {@code BANDS}, {@code PEER_RANK}), tier thresholds, scheme
 * snapshots and the scorecard computation (scores, totals, coverage, ranks, peer medians, tiers and the
 * explanation of every number). No Spring, no database: the evaluation module feeds it measure totals
 * and stores what it returns.
 */
@org.springframework.modulith.NamedInterface("scoring")
package org.meridian.indicator.scoring;
