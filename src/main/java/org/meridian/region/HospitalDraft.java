package org.meridian.region;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.meridian.shared.UnitKind;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.security.AccountAdministration;

/**
 * A new hospital as the region administrator fills it in, in strings: code, name, institution type, grade (等级),
 * district, time zone (default Asia/Shanghai) and its first administrator's username and display name.
 * {@link #check()} reads it into typed fields and names every field it cannot read; whether the code or the
 * username is already taken is the facade's to say.
 */
public record HospitalDraft(String code, String name, String type, String level, String district, String timeZone,
                            String adminUsername, String adminDisplayName) {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    static final int NAME_MAX = 200;
    static final int LEVEL_MAX = 32;
    static final int DISTRICT_MAX = 100;
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** The draft read: typed values, or the problems of every field that could not be read. */
    public record Checked(String code, String name, UnitType type, String level, String district, ZoneId zone,
                          String adminUsername, String adminDisplayName, List<Problem> problems) {

        public Checked {
            problems = List.copyOf(problems);
        }
    }

    public Checked check() {
        List<Problem> problems = new ArrayList<>();
        String c = strip(code);
        if (c == null) {
            problems.add(Problem.of("code", "region.error.required"));
        } else if (!CODE.matcher(c).matches()) {
            problems.add(Problem.of("code", "region.error.code", c));
        }
        String n = strip(name);
        if (n == null) {
            problems.add(Problem.of("name", "region.error.required"));
        } else if (n.length() > NAME_MAX) {
            problems.add(Problem.of("name", "region.error.tooLong", NAME_MAX));
        }
        UnitType t = null;
        String typeText = strip(type);
        if (typeText == null) {
            problems.add(Problem.of("type", "region.error.required"));
        } else {
            try {
                t = UnitType.valueOf(typeText);
            } catch (IllegalArgumentException e) {
                t = null;
            }
            if (t == null || t.kind() != UnitKind.INSTITUTION) {
                problems.add(Problem.of("type", "region.error.type", typeText));
                t = null;
            }
        }
        String l = strip(level);
        if (l == null) {
            problems.add(Problem.of("level", "region.error.required"));
        } else if (l.length() > LEVEL_MAX) {
            problems.add(Problem.of("level", "region.error.tooLong", LEVEL_MAX));
        }
        String d = strip(district);
        if (d == null) {
            problems.add(Problem.of("district", "region.error.required"));
        } else if (d.length() > DISTRICT_MAX) {
            problems.add(Problem.of("district", "region.error.tooLong", DISTRICT_MAX));
        }
        ZoneId zone = DEFAULT_ZONE;
        String z = strip(timeZone);
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                problems.add(Problem.of("timeZone", "region.error.timeZone", z));
            }
        }
        String u = strip(adminUsername);
        if (u == null) {
            problems.add(Problem.of("adminUsername", "region.error.required"));
        } else if (!AccountAdministration.wellFormedUsername(u)) {
            problems.add(Problem.of("adminUsername", "region.error.username", u));
        }
        String dn = strip(adminDisplayName);
        if (dn == null) {
            problems.add(Problem.of("adminDisplayName", "region.error.required"));
        } else if (dn.length() > AccountAdministration.DISPLAY_NAME_MAX) {
            problems.add(Problem.of("adminDisplayName", "region.error.tooLong", AccountAdministration.DISPLAY_NAME_MAX));
        }
        return new Checked(c, n, t, l, d, zone, u, dn, problems);
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
