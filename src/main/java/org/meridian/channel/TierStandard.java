package org.meridian.channel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;

/**
 * A tier's management standard (管理标准) as a hospital manager sets it: the tier's name (at most 50 characters),
 * how often its channels are reviewed, visits a year (0–365), the incentive rate in percent (0–100, at most two
 * decimals, kept with two), the priority quota (0–100000 slots a month), the service standards — the response time
 * promised to the tier's referrals (响应时限, 1–720 hours on average from referral to acceptance) and the arrival rate
 * expected of them (到诊率标准, 0–100 per cent) — and notes (at most 1000 characters).
 * Any other value is refused with every problem at once; {@link #parse} reads a form's texts the same way.
 */
public record TierStandard(String name, ReviewCadence reviewCadence, int visitsPerYear, BigDecimal incentiveRate,
                           int priorityQuota, int responseHours, int arrivalRate, String notes) {

    public static final int NAME_MAX = 50;
    public static final int VISITS_MAX = 365;
    public static final int QUOTA_MAX = 100_000;
    /** A month: a response promised later than that is no standard. */
    public static final int RESPONSE_HOURS_MAX = 720;
    public static final int NOTES_MAX = 1000;
    private static final BigDecimal RATE_MAX = BigDecimal.valueOf(100);

    public TierStandard {
        List<Problem> problems = new ArrayList<>();
        name = name(name, problems);
        if (reviewCadence == null) {
            problems.add(Problem.of("reviewCadence", "channel.error.required"));
        }
        range("visitsPerYear", visitsPerYear, VISITS_MAX, problems);
        range("priorityQuota", priorityQuota, QUOTA_MAX, problems);
        range("responseHours", responseHours, 1, RESPONSE_HOURS_MAX, problems);
        range("arrivalRate", arrivalRate, 100, problems);
        rate(incentiveRate, problems);
        notes = notes(notes, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        incentiveRate = incentiveRate.setScale(2);
    }

    /** The standard a tier has now. */
    public static TierStandard of(Tier tier) {
        return new TierStandard(tier.name(), tier.reviewCadence(), tier.visitsPerYear(), tier.incentiveRate(),
                tier.priorityQuota(), tier.responseHours(), tier.arrivalRate(), tier.notes());
    }

    /**
     * Reads a standard from a form's texts (numbers as typed, the cadence by its name), listing every problem at
     * once: an unknown cadence, a number that is not one or out of its range, besides the rules above.
     */
    public static TierStandard parse(String name, String reviewCadence, String visitsPerYear, String incentiveRate,
                                     String priorityQuota, String responseHours, String arrivalRate,
                                     String notes) {
        List<Problem> problems = new ArrayList<>();
        String n = name(name, problems);
        ReviewCadence cadence = null;
        try {
            cadence = ReviewCadence.valueOf(reviewCadence == null ? "" : reviewCadence.strip());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("reviewCadence", "channel.error.unknownCadence",
                    reviewCadence == null ? "" : reviewCadence));
        }
        Integer visits = integer("visitsPerYear", visitsPerYear, VISITS_MAX, problems);
        Integer quota = integer("priorityQuota", priorityQuota, QUOTA_MAX, problems);
        Integer response = integer("responseHours", responseHours, 1, RESPONSE_HOURS_MAX, problems);
        Integer arrival = integer("arrivalRate", arrivalRate, 100, problems);
        BigDecimal rate = null;
        try {
            rate = new BigDecimal(incentiveRate == null ? "" : incentiveRate.strip());
            rate(rate, problems);
        } catch (NumberFormatException e) {
            problems.add(Problem.of("incentiveRate", "channel.error.rate"));
        }
        String nt = notes(notes, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        return new TierStandard(n, cadence, visits, rate, quota, response, arrival, nt);
    }

    private static String name(String name, List<Problem> problems) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add(Problem.of("name", "channel.error.required"));
        } else if (n.length() > NAME_MAX) {
            problems.add(Problem.of("name", "channel.error.tooLong", NAME_MAX));
        }
        return n;
    }

    private static boolean range(String field, int value, int max, List<Problem> problems) {
        return range(field, value, 0, max, problems);
    }

    private static boolean range(String field, int value, int min, int max, List<Problem> problems) {
        if (value < min || value > max) {
            problems.add(Problem.of(field, "channel.error.range", min, max));
            return false;
        }
        return true;
    }

    private static Integer integer(String field, String value, int max, List<Problem> problems) {
        return integer(field, value, 0, max, problems);
    }

    private static Integer integer(String field, String value, int min, int max, List<Problem> problems) {
        try {
            int v = Integer.parseInt(value == null ? "" : value.strip());
            return range(field, v, min, max, problems) ? v : null;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "channel.error.range", min, max));
            return null;
        }
    }

    private static void rate(BigDecimal rate, List<Problem> problems) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(RATE_MAX) > 0 || rate.scale() > 2) {
            problems.add(Problem.of("incentiveRate", "channel.error.rate"));
        }
    }

    private static String notes(String notes, List<Problem> problems) {
        String nt = notes == null || notes.isBlank() ? null : notes.strip();
        if (nt != null && nt.length() > NOTES_MAX) {
            problems.add(Problem.of("notes", "channel.error.tooLong", NOTES_MAX));
        }
        return nt;
    }
}
