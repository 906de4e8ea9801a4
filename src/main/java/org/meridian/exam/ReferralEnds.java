package org.meridian.exam;

import java.util.Optional;

import org.meridian.intake.ReferralInstitutions;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.stereotype.Component;

/**
 * Names the two ends of a referral out (intake's REFERRAL_OUT) the way exam records and alliances name institutions
 * (docs/exams.md, "Institutions"), so that the alliance report can tell upward from downward referrals.
 */
@Component
class ReferralEnds implements ReferralInstitutions {

    private final Institutions institutions;
    private final Hospitals hospitals;

    ReferralEnds(Institutions institutions, Hospitals hospitals) {
        this.institutions = institutions;
        this.hospitals = hospitals;
    }

    @Override
    public Optional<String> destination(long hospitalId, String code) {
        Hospital h = hospitals.find(hospitalId).orElse(null);
        if (h == null || code == null || code.isBlank()) {
            return Optional.empty();
        }
        return institutions.inRegion(hospitals.regionOf(hospitalId), h, code)
                .map(i -> institutions.namer().name(i).reference());
    }

    @Override
    public Optional<String> origin(long hospitalId, String code) {
        Hospital h = hospitals.find(hospitalId).orElse(null);
        if (h == null) {
            return Optional.empty();
        }
        return institutions.ofHospital(h, code == null ? h.code() : code)
                .map(i -> institutions.namer().name(i).reference());
    }
}
