package org.meridian.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A channel's own service figures of the month so far (本月服务情况) against its tier's service standards: the
 * response time (服务响应时间, the average hours from its referrals to their acceptance, of the pairs accepted this
 * month) and the arrival rate (到诊率, 100 × arrivals ÷ referrals of this month), as the default catalogue's
 * RESPONSE_TIME and ARRIVAL_RATE compute them from the same measures, so that the portal and an evaluation of the month
 * agree. Measures are period-based (engine.md §3): a referral of last month accepted this month counts in this
 * month's response time, and an arrival this month of last month's referral in this month's arrivals, so the rate may
 * exceed 100.
 *
 * <p>Each figure is rounded half up to one decimal, as pages show it, and the standard is met when the figure shown is
 * at most the promised hours (response) or at least the expected rate (arrivals). Without referrals this month the
 * rate is null ("no data", as the indicator's division by zero), without an accepted pair the response time; a
 * channel without a tier has no standards (null tier and standards), and nothing is met or missed.
 *
 * @param from            the first day of the month in the hospital's calendar
 * @param to              today in the hospital's calendar (the month so far)
 * @param tierName        the tier's name (e.g. 核心), null without a tier
 * @param responses       the referral–acceptance pairs counted this month
 * @param responseHours   their average hours, one decimal; null without a pair
 * @param responseStandard the tier's promised response time in hours, null without a tier
 * @param referrals       referrals this month
 * @param arrivals        arrivals this month
 * @param arrivalRate     per cent, one decimal; null without referrals
 * @param arrivalStandard the tier's expected arrival rate in per cent, null without a tier
 */
public record ServiceStanding(LocalDate from, LocalDate to, String tierName, long responses, BigDecimal responseHours,
                              Integer responseStandard, long referrals, long arrivals, BigDecimal arrivalRate,
                              Integer arrivalStandard) {

    /**
     * The figures from the month's measure sums: {@code response_hours_sum / response_count} and
     * {@code 100 * arrivals / referrals}, each rounded half up to one decimal.
     */
    static ServiceStanding of(LocalDate from, LocalDate to, String tierName, Integer responseStandard,
                              Integer arrivalStandard, BigDecimal responseCount, BigDecimal responseHoursSum,
                              BigDecimal referrals, BigDecimal arrivals) {
        BigDecimal hours = responseCount.signum() == 0 ? null
                : responseHoursSum.divide(responseCount, 1, RoundingMode.HALF_UP);
        BigDecimal rate = referrals.signum() == 0 ? null
                : arrivals.multiply(BigDecimal.valueOf(100)).divide(referrals, 1, RoundingMode.HALF_UP);
        return new ServiceStanding(from, to, tierName, responseCount.longValue(), hours, responseStandard,
                referrals.longValue(), arrivals.longValue(), rate, arrivalStandard);
    }

    /** Whether the response time met the tier's standard: null when there is no figure or no standard. */
    public Boolean responseMet() {
        return responseHours == null || responseStandard == null ? null
                : responseHours.compareTo(BigDecimal.valueOf(responseStandard)) <= 0;
    }

    /** Whether the arrival rate met the tier's standard: null when there is no figure or no standard. */
    public Boolean arrivalMet() {
        return arrivalRate == null || arrivalStandard == null ? null
                : arrivalRate.compareTo(BigDecimal.valueOf(arrivalStandard)) >= 0;
    }
}
