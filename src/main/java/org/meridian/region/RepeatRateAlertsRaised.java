package org.meridian.region;

import java.util.List;

/**
 * Repeat-rate alerts were raised in a region (one check of changed months): each new alert with the alliances it
 * concerns — for an alliance's alert that alliance, for an institution's alert every alliance it is a member of —
 * each named by its code with the id of its lead's hospital, whose people hear of it. The region's regulators hear
 * of every alert.
 */
public record RepeatRateAlertsRaised(long regionId, List<Raised> alerts) {

    public RepeatRateAlertsRaised {
        alerts = List.copyOf(alerts);
    }

    /** One alert and the alliances it concerns. */
    public record Raised(RepeatAlert alert, List<Lead> leads) {
        public Raised {
            leads = List.copyOf(leads);
        }
    }

    /** An alliance by its code and the hospital of its lead institution. */
    public record Lead(String alliance, long hospitalId) {
    }
}
