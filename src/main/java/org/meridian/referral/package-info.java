/**
 * Referrals (转诊) started in the channel portal and worked by the hospital's referral desk (转诊服务中心): a channel's
 * user refers a patient (name and phone for the hospital's contact only, kept encrypted and deleted after the
 * retention period); the desk accepts, schedules, records arrival and outcome, or declines. Every step records the
 * engine's event (REFERRAL, ACCEPTED, ARRIVED, CONVERTED, FEEDBACK) through intake, with the patient only as the
 * pseudonym, so that rollups and evaluations count portal referrals as imported ones.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "channel", "intake"})
package org.meridian.referral;
