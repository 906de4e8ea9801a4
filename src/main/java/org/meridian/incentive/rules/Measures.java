package org.meridian.incentive.rules;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The measures of engine.md §2–3 as a fee base can name them, and what each one counts. Kept here
 * rather than taken from the {@code indicator} module so that incentives depend on {@code shared}
 * only; the keys are the same.
 * <p>
 * Every measure is a sum over the referred patients' events, so each one grows with patient volume;
 * {@code revenue} is the money those patients brought. That is why the compliance guard treats a
 * money rule based on any measure as needing review.
 */
public final class Measures {

    /** What a measure counts, as far as the compliance guard is concerned. */
    public enum Kind {
        /** A count of referred patients or of their visits, answers, complaints… (患者量). */
        PATIENT_VOLUME,
        /** The revenue of referred patients (收入). */
        REVENUE
    }

    private static final Map<String, Kind> KNOWN = new TreeMap<>();

    static {
        for (String key : new String[] {"referrals", "accepted", "arrivals", "conversions", "survey_count",
                "survey_sum", "satisfied", "nps_count", "promoters", "detractors", "complaints", "return_visits",
                "feedbacks", "response_count", "response_hours_sum"}) {
            KNOWN.put(key, Kind.PATIENT_VOLUME);
        }
        KNOWN.put("revenue", Kind.REVENUE);
    }

    private Measures() {
    }

    public static Optional<Kind> kindOf(String key) {
        return Optional.ofNullable(KNOWN.get(key));
    }

    public static java.util.Set<String> keys() {
        return java.util.Collections.unmodifiableSet(KNOWN.keySet());
    }
}
