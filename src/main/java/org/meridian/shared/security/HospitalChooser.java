package org.meridian.shared.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospital chooser (切换医院): an account belongs to one hospital and may be granted further hospitals of its
 * region by the region administrator ({@code admin_hospital}); it then acts in the chosen one with the hospital roles
 * it holds. The pages keep the choice in the browser session (see {@link #SESSION_ATTRIBUTE}), the API names it per
 * call with {@code ?hospital=CODE}. A hospital that is neither the own nor granted is not found (404), whether it
 * exists or not, so that the chooser never tells which hospitals there are.
 */
@Service
public class HospitalChooser {

    /** The session attribute holding the id of the hospital chosen on the pages (absent: the own hospital). */
    public static final String SESSION_ATTRIBUTE = HospitalChooser.class.getName() + ".hospital";

    private final Accounts accounts;
    private final Hospitals hospitals;
    private final AuditLog audit;

    HospitalChooser(Accounts accounts, Hospitals hospitals, AuditLog audit) {
        this.accounts = accounts;
        this.hospitals = hospitals;
        this.audit = audit;
    }

    /** One hospital the person may act in; {@code own} for the hospital the account belongs to. */
    public record Choice(Hospital hospital, boolean own) {
    }

    /** What the top bar shows: the hospital acted in, and whether it is another than the own. */
    public record Shown(String name, boolean away) {
    }

    /**
     * The hospitals the person may act in: the own first, then the granted ones by code. A person without a hospital
     * role (a channel user, a regulator, a region administrator alone) has only the own.
     */
    public List<Choice> choices(MeridianUser user) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(hospitals.find(user.homeHospitalId()).orElseThrow(), true));
        if (Role.anyOfHospital(user.roles())) {
            accounts.grantedTo(user.userId()).forEach(h -> choices.add(new Choice(h, false)));
        }
        return choices;
    }

    /** Whether the person may act in the hospital now: the own, or a granted one while holding a hospital role. */
    public boolean mayActIn(MeridianUser user, long hospitalId) {
        return hospitalId == user.homeHospitalId()
                || Role.anyOfHospital(user.roles()) && accounts.mayActIn(user.userId(), hospitalId);
    }

    /**
     * Chooses the hospital to act in by its code. Entering a further hospital is audited there
     * ({@code HOSPITAL_ENTERED}, with the own hospital's code) and in the own hospital.
     *
     * @throws NotFoundException when the code names no hospital the person may act in
     */
    @Transactional
    public Hospital choose(MeridianUser user, String code) {
        String c = code == null ? "" : code.strip();
        Hospital hospital = hospitals.findByCode(c).filter(h -> mayActIn(user, h.id()))
                .orElseThrow(() -> new NotFoundException("security", "hospital", c, "hospital.choose.notFound"));
        if (hospital.id() != user.homeHospitalId()) {
            Hospital home = hospitals.find(user.homeHospitalId()).orElseThrow();
            Map<String, Object> details = Map.of("from", home.code());
            audit.record(hospital.id(), user.getUsername(), "HOSPITAL_ENTERED", hospital.code(), details);
            audit.record(home.id(), user.getUsername(), "HOSPITAL_ENTERED", hospital.code(), details);
        }
        return hospital;
    }

    /**
     * For the top bar: the hospital acted in (the chosen one when it may still be acted in, else the own), or empty
     * for a person who has no further hospital to choose (nothing to switch, nothing shown).
     */
    public Optional<Shown> shown(MeridianUser user, Long chosen) {
        if (!Role.anyOfHospital(user.roles()) || accounts.grantedTo(user.userId()).isEmpty()) {
            return Optional.empty();
        }
        long acting = chosen != null && mayActIn(user, chosen) ? chosen : user.homeHospitalId();
        return hospitals.find(acting).map(h -> new Shown(h.name(), acting != user.homeHospitalId()));
    }
}
