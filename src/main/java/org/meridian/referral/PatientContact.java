package org.meridian.referral;

import java.util.Objects;

/**
 * What the channel typed about the patient, for the hospital's contact only (患者联系信息): kept encrypted at rest and
 * deleted after the retention period, never part of an event, an export or an evaluation.
 */
public record PatientContact(String name, PatientPhone phone, String note) {

    public PatientContact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
    }
}
