/**
 * The channel portal (渠道移动门户): a channel's own staff open Meridian on a phone as an installable web app — a
 * manifest, icons and a service worker that keeps only the shell (styles, scripts, icons, the offline page), never a
 * page with data. Its home gathers what the channel has to know and do: its latest score, rank and tier with their
 * trend, the open rectification actions and appeals, its unread notifications, this month's referrals by status, and its
 * response time and arrival rate this month against its tier's service standards. Nothing uses this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "channel", "evaluation", "appeal",
        "rectification", "notification", "referral", "intake", "indicator"})
package org.meridian.portal;
