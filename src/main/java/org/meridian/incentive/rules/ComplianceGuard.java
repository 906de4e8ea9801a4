package org.meridian.incentive.rules;

/**
 * The compliance guard (合规审查). Paying a referral source per referred patient, or in proportion to the
 * revenue of the patients it refers, is prohibited in many jurisdictions: in China by the National
 * Health Commission's nine rules of conduct for medical staff (九项准则, which ban profiting from
 * referring patients) and by anti-bribery law; elsewhere by anti-kickback and fee-splitting laws.
 * <p>
 * A money rule whose base is a measure is therefore {@link Status#COMPLIANCE_REVIEW_REQUIRED}: every measure of
 * engine.md §2 is a sum over referred patients' events (patient volume) or their revenue. Such a rule
 * takes effect only after a hospital manager signs it off with a recorded justification. A fee on a
 * fixed base whose rate depends on the tier or score, an award by rank, a priority right and a sanction
 * need no review.
 * <p>
 * Limits: the guard looks at the base only; a tier earned mostly through a volume indicator (转诊量)
 * is not detected here, and the scheme's weights are the evaluation's business.
 */
public final class ComplianceGuard {

    /** What the guard says about a rule. */
    public enum Status {
        /** No review needed: the rule takes effect from its valid-from date. */
        NOT_REQUIRED,
        /** 需合规审查: takes effect only once a hospital manager has signed it off. */
        COMPLIANCE_REVIEW_REQUIRED
    }

    /**
     * What a measure counts, as far as the guard is concerned. Every measure of engine.md §2 is a sum over the
     * referred patients' events, so each one grows with patient volume; {@code revenue} is the money those patients
     * brought.
     */
    public enum MeasureKind {
        /** A count of referred patients or of their visits, answers, complaints… (患者量). */
        PATIENT_VOLUME,
        /** The revenue of referred patients (收入). */
        REVENUE;

        public static MeasureKind of(String measureKey) {
            return "revenue".equals(measureKey) ? REVENUE : PATIENT_VOLUME;
        }
    }

    /** The guard's finding and, when review is needed, the reason in English. */
    public record Assessment(Status status, String reason) {
    }

    private ComplianceGuard() {
    }

    public static Assessment assess(IncentiveRule rule) {
        return assess(rule.monetary(), rule instanceof IncentiveRule.FeeRule fee ? fee.base() : null);
    }

    /**
     * The same judgement from the two things it looks at, for a rule still being written (the rule builder shows the
     * verdict while other fields are incomplete): whether the rule pays money, and a fee's base (null for any other
     * kind of rule, or a fee whose base is not given yet).
     */
    public static Assessment assess(boolean monetary, FeeBase base) {
        if (monetary && base instanceof FeeBase.OfMeasure measure) {
            return switch (measure.kind()) {
                case PATIENT_VOLUME -> new Assessment(Status.COMPLIANCE_REVIEW_REQUIRED, "money based on the measure '"
                        + measure.measure() + "' grows with the number of referred patients; paying per referred "
                        + "patient is prohibited in many jurisdictions");
                case REVENUE -> new Assessment(Status.COMPLIANCE_REVIEW_REQUIRED, "money in proportion to the revenue of "
                        + "referred patients is prohibited in many jurisdictions");
            };
        }
        return new Assessment(Status.NOT_REQUIRED, null);
    }
}
