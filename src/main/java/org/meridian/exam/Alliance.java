package org.meridian.exam;

import java.util.List;

/** An alliance (医联体/医共体) of the region's institutions: its code, name, lead and members (the lead first). */
public record Alliance(String code, String name, NamedInstitution lead, List<NamedInstitution> members) {

    public Alliance {
        members = List.copyOf(members);
    }
}
