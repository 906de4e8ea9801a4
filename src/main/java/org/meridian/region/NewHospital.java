package org.meridian.region;

import org.meridian.shared.tenant.HospitalProfile;

/**
 * A hospital just created with its first administrator. The one-time password is in clear here and nowhere else:
 * only its hash is stored, and the page or the API answer shows it once.
 */
public record NewHospital(HospitalProfile hospital, String adminUsername, String oneTimePassword) {

    @Override
    public String toString() {
        return "NewHospital[" + hospital.code() + ", admin " + adminUsername + "]";
    }
}
