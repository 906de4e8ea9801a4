package org.meridian.exam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.unit.UnitRef;
import org.meridian.unit.UnitRegistry;
import org.springframework.stereotype.Component;

/**
 * Reads and names institutions (docs/exams.md, "Institutions"). Within a hospital a code names the hospital itself
 * (its own hospital code) or one of its INSTITUTION units; across the region {@code HOSPITAL/UNIT} names a unit of
 * another hospital and a bare code a hospital of the region.
 */
@Component
class Institutions {

    private final Hospitals hospitals;
    private final UnitRegistry units;

    Institutions(Hospitals hospitals, UnitRegistry units) {
        this.hospitals = hospitals;
        this.units = units;
    }

    /** An institution of hospital {@code h} by the code it submits: its own code, or one of its INSTITUTION units. */
    Optional<Institution> ofHospital(Hospital h, String code) {
        if (h.code().equals(code)) {
            return Optional.of(Institution.hospital(h.id()));
        }
        return units.findByCode(Actor.system(h.id(), "exam"), code)
                .filter(u -> u.type().kind() == UnitKind.INSTITUTION)
                .map(u -> new Institution(h.id(), u.id()));
    }

    /**
     * An institution of the region: {@code HOSPITAL/UNIT}, or a bare code read first as one of {@code context}'s
     * own (when given) and then as a hospital of the region.
     */
    Optional<Institution> inRegion(long region, Hospital context, String text) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            Optional<Hospital> h = regionHospital(region, text.substring(0, slash));
            return h.flatMap(x -> ofHospital(x, text.substring(slash + 1)).filter(i -> i.unitId() != 0));
        }
        if (context != null) {
            Optional<Institution> own = ofHospital(context, text);
            if (own.isPresent()) {
                return own;
            }
        }
        return regionHospital(region, text).map(h -> Institution.hospital(h.id()));
    }

    /**
     * A hospital and the INSTITUTION units it registered, the hospital first, then by code. A unit with the hospital's
     * own code (registered so that the hospital can report statistics for itself) is the hospital, not listed twice.
     */
    List<NamedInstitution> of(Hospital h) {
        return of(List.of(h));
    }

    /** {@link #of(Hospital)} of each of these hospitals in turn, their units read by one query for all. */
    List<NamedInstitution> of(List<Hospital> hs) {
        Map<Long, List<UnitRef>> unitsOf = units.institutionsOf(hs.stream().map(Hospital::id).toList());
        List<NamedInstitution> list = new ArrayList<>();
        for (Hospital h : hs) {
            list.add(new NamedInstitution(h.code(), h.name(), h.code()));
            unitsOf.getOrDefault(h.id(), List.of()).stream()
                    .filter(u -> u.type().kind() == UnitKind.INSTITUTION && !u.code().equals(h.code()))
                    .sorted(java.util.Comparator.comparing(UnitRef::code))
                    .forEach(u -> list.add(new NamedInstitution(u.code(), u.name(), h.code())));
        }
        return list;
    }

    /** The hospitals of a region, by code. */
    List<Hospital> hospitalsOf(long region) {
        return hospitals.ofRegion(region);
    }

    private Optional<Hospital> regionHospital(long region, String code) {
        return hospitals.findByCode(code).filter(h -> hospitals.regionOf(h.id()) == region);
    }

    /** Names institutions, looking each hospital's units up once. */
    Namer namer() {
        return new Namer();
    }

    final class Namer {
        private final Map<Long, Hospital> byId = new HashMap<>();
        private final Map<Long, Map<Long, UnitRef>> unitsOf = new HashMap<>();
        /** Units read ahead by {@link #readAhead}: only the INSTITUTION ones of each hospital, by id. */
        private final Map<Long, Map<Long, UnitRef>> institutionsOf = new HashMap<>();

        /**
         * Reads the hospitals and INSTITUTION units of these institutions with two queries, so that naming a
         * region's thousands of rows does not look each hospital up on its own.
         */
        void readAhead(java.util.Collection<Institution> all) {
            java.util.Set<Long> hospitalIds = new java.util.HashSet<>();
            java.util.Set<Long> withUnits = new java.util.HashSet<>();
            for (Institution i : all) {
                hospitalIds.add(i.hospitalId());
                if (i.unitId() != 0) {
                    withUnits.add(i.hospitalId());
                }
            }
            hospitalIds.removeAll(byId.keySet());
            byId.putAll(hospitals.findAll(hospitalIds));
            withUnits.removeAll(unitsOf.keySet());
            withUnits.removeAll(institutionsOf.keySet());
            units.institutionsOf(withUnits).forEach((h, us) -> {
                Map<Long, UnitRef> m = new HashMap<>();
                us.forEach(u -> m.put(u.id(), u));
                institutionsOf.put(h, m);
            });
        }

        NamedInstitution name(Institution i) {
            Hospital h = byId.computeIfAbsent(i.hospitalId(), id -> hospitals.find(id).orElseThrow());
            if (i.unitId() == 0) {
                return new NamedInstitution(h.code(), h.name(), h.code());
            }
            UnitRef ahead = institutionsOf.getOrDefault(h.id(), Map.of()).get(i.unitId());
            if (ahead != null) {
                return new NamedInstitution(ahead.code(), ahead.name(), h.code());
            }
            Map<Long, UnitRef> us = unitsOf.computeIfAbsent(h.id(), id -> {
                Map<Long, UnitRef> m = new HashMap<>();
                units.byCode(Actor.system(id, "exam")).values().forEach(u -> m.put(u.id(), u));
                return m;
            });
            UnitRef u = us.get(i.unitId());
            return u == null ? new NamedInstitution("#" + i.unitId(), "#" + i.unitId(), h.code())
                    : new NamedInstitution(u.code(), u.name(), h.code());
        }
    }
}
