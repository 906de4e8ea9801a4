package org.meridian.region;

import java.util.List;

import org.meridian.exam.Alliance;
import org.meridian.shared.security.Accounts.HospitalGrant;
import org.meridian.shared.security.Accounts.RegionAccount;
import org.meridian.shared.web.Paged;

/**
 * Who sees what in the region: its administrators, its regulators (every hospital's published figures, never a
 * patient-level row), its alliances (whose members see the alliance's figures), and one page of the accounts granted
 * to act in a further hospital (the hospital chooser and {@code ?hospital=}).
 */
public record RegionGrants(List<RegionAccount> administrators, List<RegionAccount> regulators,
                           List<Alliance> alliances, Paged<HospitalGrant> hospitalGrants) {

    public RegionGrants {
        administrators = List.copyOf(administrators);
        regulators = List.copyOf(regulators);
        alliances = List.copyOf(alliances);
    }
}
