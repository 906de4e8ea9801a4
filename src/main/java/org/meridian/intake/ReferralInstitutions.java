package org.meridian.intake;

import java.util.Optional;

/**
 * Port: the institutions a {@link EventType#REFERRAL_OUT} event names, read by a module that knows the region's
 * institutions (the exam module implements it). Both answer an institution's region-wide reference: {@code HOSPITAL}
 * for a hospital of the region, {@code HOSPITAL/UNIT} for an institution unit a hospital registered.
 */
public interface ReferralInstitutions {

    /**
     * The receiving institution: {@code HOSPITAL/UNIT}, one of the sending hospital's own institution units by its bare
     * code, or a hospital of the region by its code; empty when the code names none of the region's institutions.
     */
    Optional<String> destination(long hospitalId, String code);

    /**
     * The referring institution: the sending hospital itself ({@code code} null or its own code) or one of its own
     * institution units; empty for anything else.
     */
    Optional<String> origin(long hospitalId, String code);
}
