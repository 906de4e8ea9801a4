package org.meridian.intake;

/**
 * How many live REFERRAL_OUT events of one hospital went from one of its institutions to another institution of the
 * region in a period: {@code from} is the referring institution's region-wide reference, null when it is the hospital
 * itself; {@code to} the receiving one's ({@code HOSPITAL} or {@code HOSPITAL/UNIT}).
 */
public record ReferralOutCount(String from, String to, long count) {
}
