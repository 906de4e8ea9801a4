package org.meridian.region;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.exam.AllianceRegistry;
import org.meridian.indicator.DefaultCatalogue;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.FirstStart;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.shared.web.Paged;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Region administration (区域管理): the hospitals of the actor's region, a new hospital with its first administrator,
 * and the grants that say who sees what (docs/region.md). Every query is scoped to the region of the actor's own
 * hospital; a hospital of another region is not found (404), never refused with its name.
 */
@Service
public class RegionAdministration {

    private final Hospitals hospitals;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final DefaultCatalogue catalogue;
    private final AllianceRegistry alliances;

    RegionAdministration(Hospitals hospitals, Accounts accounts, PasswordEncoder encoder, AuditLog audit,
                         AllianceRegistry alliances, DefaultCatalogue catalogue) {
        this.catalogue = catalogue;
        this.hospitals = hospitals;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.alliances = alliances;
    }

    /** A page of the region's hospitals by code, narrowed by text (code or name), type and district. */
    public Paged<HospitalProfile> hospitals(Actor actor, String text, UnitType type, String district, int page,
                                            int size) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's hospitals");
        return hospitals.inRegion(region(actor), text, type, district, page, size);
    }

    /** @throws NotFoundException for an unknown code or a hospital of another region */
    public HospitalProfile hospital(Actor actor, String code) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's hospitals");
        return hospitals.findInRegion(region(actor), code)
                .orElseThrow(() -> new NotFoundException("region", "hospital", code, "region.problem.hospitalNotFound"));
    }

    public List<String> districts(Actor actor) {
        RegionVisibility.require(RegionVisibility.reads(actor), actor, "read the region's hospitals");
        return hospitals.districts(region(actor));
    }

    /**
     * Creates a hospital of the actor's region and its first administrator (role ADMIN) with a random one-time
     * password, returned here once and stored only as a hash. Every problem of the draft is reported at once
     * ({@link InvalidInputException}); nothing is stored then.
     */
    @Transactional
    public NewHospital create(Actor actor, HospitalDraft draft) {
        RegionVisibility.require(RegionVisibility.administers(actor), actor, "create hospitals");
        HospitalDraft.Checked c = draft.check();
        List<Problem> problems = new ArrayList<>(c.problems());
        if (c.code() != null && HospitalDraft.CODE.matcher(c.code()).matches() && hospitals.codeTaken(c.code())) {
            problems.add(Problem.of("code", "region.error.codeTaken", c.code()));
        }
        if (c.adminUsername() != null && problems.stream().noneMatch(p -> p.path().equals("adminUsername"))
                && accounts.usernameTaken(c.adminUsername())) {
            problems.add(Problem.of("adminUsername", "region.error.usernameTaken", c.adminUsername()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("region", problems);
        }
        long region = region(actor);
        HospitalProfile h = hospitals.create(region, c.code(), c.name(), c.zone(), c.type(), c.level(), c.district(),
                false);
        String password = FirstStart.randomPassword();
        accounts.insert(h.id(), c.adminUsername(), c.adminDisplayName(), encoder.encode(password), null,
                EnumSet.of(Role.ADMIN));
        // the default catalogue (statistic measures such as outpatient_visits, the national indicators, a scheme
        // per unit type), as a demo hospital and a region's evaluation centre have it: the region's figures read
        // the hospital's visits from it, and its administrator starts from it
        catalogue.install(Actor.system(h.id(), "region"));
        Map<String, Object> details = AuditLog.details("name", h.name(), "type", h.type().name(), "level", h.level(),
                "district", h.district(), "administrator", c.adminUsername());
        audit.record(actor.hospitalId(), actor.username(), "HOSPITAL_CREATED", h.code(), details);
        audit.record(h.id(), actor.username(), "HOSPITAL_CREATED", h.code(), details);
        audit.record(h.id(), actor.username(), "USER_CREATED", c.adminUsername(), Map.of("roles", List.of("ADMIN")));
        return new NewHospital(h, c.adminUsername(), password);
    }

    /**
     * Who sees what in the actor's region; the grants of further hospitals one page at a time, {@code text}
     * (optional) found in the account's username or name or in the granted hospital's code or name.
     */
    public RegionGrants grants(Actor actor, String text, int page, int size) {
        RegionVisibility.require(RegionVisibility.administers(actor), actor, "read the region's grants");
        long region = region(actor);
        return new RegionGrants(accounts.withRoleInRegion(region, Role.REGION_ADMIN),
                accounts.withRoleInRegion(region, Role.REGULATOR),
                alliances.all(Actor.system(actor.hospitalId(), "region")),
                accounts.hospitalGrants(region, text, page, size));
    }

    /**
     * Lets an account of one of the region's hospitals that holds a hospital role (ANALYST up to ADMIN) enter a
     * further hospital of the region, where it acts with the roles it holds (the hospital chooser on the pages,
     * {@code ?hospital=} in the API). Only the region administrator grants: a grant crosses hospitals, so neither
     * hospital's administrator decides it alone. Unknown account or hospital, one of another region, an account
     * without a hospital role (a channel user, a regulator) or its own hospital: every problem named, nothing stored.
     * Granting again changes nothing.
     */
    @Transactional
    public void grant(Actor actor, String username, String hospitalCode) {
        RegionVisibility.require(RegionVisibility.administers(actor), actor, "grant hospitals");
        long region = region(actor);
        List<Problem> problems = new ArrayList<>();
        Optional<Accounts.RegionAccount> account = account(region, username, problems);
        Optional<HospitalProfile> hospital = regionHospital(region, hospitalCode, problems);
        if (account.isPresent()) {
            long home = accounts.hospitalOf(account.get().username()).orElseThrow();
            if (!Role.anyOfHospital(accounts.roles(home, account.get().id()))) {
                problems.add(Problem.of("username", "region.error.noHospitalRole", account.get().username()));
            } else if (hospital.isPresent() && hospital.get().id() == home) {
                problems.add(Problem.of("hospital", "region.error.ownHospital", hospital.get().code()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("region", problems);
        }
        if (accounts.grantHospital(account.get().id(), hospital.get().id())) {
            audit.record(actor.hospitalId(), actor.username(), "HOSPITAL_ACCESS_GRANTED", account.get().username(),
                    Map.of("hospital", hospital.get().code()));
        }
    }

    /** Ends a grant. @throws NotFoundException when the account holds no such grant in the actor's region */
    @Transactional
    public void revoke(Actor actor, String username, String hospitalCode) {
        RegionVisibility.require(RegionVisibility.administers(actor), actor, "revoke hospitals");
        long region = region(actor);
        Optional<Accounts.RegionAccount> account = accounts.inRegion(region, username == null ? "" : username.strip());
        Optional<HospitalProfile> hospital = hospitals.findInRegion(region,
                hospitalCode == null ? "" : hospitalCode.strip());
        if (account.isEmpty() || hospital.isEmpty()
                || !accounts.revokeHospital(account.get().id(), hospital.get().id())) {
            throw new NotFoundException("region", "grant", username + "@" + hospitalCode,
                    "region.problem.grantNotFound");
        }
        audit.record(actor.hospitalId(), actor.username(), "HOSPITAL_ACCESS_REVOKED", account.get().username(),
                Map.of("hospital", hospital.get().code()));
    }

    private Optional<Accounts.RegionAccount> account(long region, String username, List<Problem> problems) {
        String u = HospitalDraft.strip(username);
        if (u == null) {
            problems.add(Problem.of("username", "region.error.required"));
            return Optional.empty();
        }
        Optional<Accounts.RegionAccount> a = accounts.inRegion(region, u);
        if (a.isEmpty()) {
            problems.add(Problem.of("username", "region.error.unknownAccount", u));
        }
        return a;
    }

    private Optional<HospitalProfile> regionHospital(long region, String code, List<Problem> problems) {
        String c = HospitalDraft.strip(code);
        if (c == null) {
            problems.add(Problem.of("hospital", "region.error.required"));
            return Optional.empty();
        }
        Optional<HospitalProfile> h = hospitals.findInRegion(region, c);
        if (h.isEmpty()) {
            problems.add(Problem.of("hospital", "region.error.unknownHospital", c));
        }
        return h;
    }

    private long region(Actor actor) {
        return hospitals.regionOf(actor.hospitalId());
    }
}
