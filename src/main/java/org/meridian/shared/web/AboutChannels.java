package org.meridian.shared.web;

/**
 * Marks a source of workbench figures, charts or panels ({@link HomeFigures}, {@link HomeCharts}, {@link HomePanels})
 * that are about the hospital's referral channels: their referrals, tiers, alerts, forecasts and actions. A region's
 * evaluation centre (区域评价中心) is a tenant without channels, which evaluates the region's institutions; its
 * accounts' workbench leaves these out ({@link Workbench}) instead of showing them as rows of zeros. Its to-do items
 * ({@link WorkItems}) are kept: a rejected import waits for the centre as for any hospital.
 */
public interface AboutChannels {
}
