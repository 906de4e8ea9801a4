/**
 * Incentives (激励与奖惩): effective-dated, versioned incentive rules per hospital — fees and rebates by
 * tier or score band, awards for the best channels (评优), priority rights such as green-channel quotas,
 * sanctions for channels that stay in the lowest tier, and manual adjustments — and the per-channel,
 * per-period statements (结算单) that a preparer drafts and a hospital manager approves (four eyes).
 * A compliance guard holds back money rules that would pay per referred patient or per revenue.
 * <p>
 * When an evaluation is published ({@code evaluation}), the statements of its channels are drafted from the
 * published scorecards alone — tier, total, rank and the measure totals frozen with each scorecard — so a published
 * evaluation is the one source of what a channel is paid; the sanctions come from the channels' tier history.
 * Probation and termination go through the channel lifecycle ({@code channel}); every channel code is checked
 * against the channel register.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "channel", "evaluation"})
package org.meridian.incentive;
