/**
 * Channels (渠道管理): the registry of a hospital's external referral partners with their type,
 * cooperation level, region, contacts and contract; their lifecycle (PROSPECT → PILOT → ACTIVE ⇄
 * PROBATION → TERMINATED); the hospital's tiers (分级) with their management standards; and tier
 * changes, where upgrades apply at once and downgrades wait for a hospital manager's approval.
 * Its faces are four facades named for their workflows ({@link org.meridian.channel.ChannelRegistry},
 * {@link org.meridian.channel.ChannelLifecycle}, {@link org.meridian.channel.TierCatalogue},
 * {@link org.meridian.channel.TierChangeWorkflow}), each taking the acting
 * {@link org.meridian.shared.Actor} first; who may see the registry is
 * {@link org.meridian.channel.ChannelVisibility}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.meridian.channel;
