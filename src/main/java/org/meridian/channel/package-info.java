/**
 * Channels (渠道管理): the registry of a hospital's external referral partners with their type,
 * cooperation level, region, contacts and contract; their lifecycle (PROSPECT → PILOT → ACTIVE ⇄
 * PROBATION → TERMINATED); the hospital's tiers (分级) with their management standards; and tier
 * changes, where upgrades apply at once and downgrades wait for a hospital manager's approval.
 * Other modules use {@link org.meridian.channel.ChannelRegistry} and the events it publishes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.meridian.channel;
