/**
 * Incentives (激励与奖惩): effective-dated, versioned incentive rules per hospital — fees and rebates by
 * tier or score band, awards for the best channels (评优), priority rights such as green-channel quotas,
 * sanctions for channels that stay in the lowest tier, and manual adjustments — and the per-channel,
 * per-period statements (结算单) that a preparer drafts and a hospital manager approves (four eyes).
 * A compliance guard holds back money rules that would pay per referred patient or per revenue.
 * <p>
 * For now it depends on {@code shared} only: the evaluation results it works on are passed in as
 * {@link org.meridian.incentive.rules.ChannelResult}s until published evaluations exist.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.meridian.incentive;
