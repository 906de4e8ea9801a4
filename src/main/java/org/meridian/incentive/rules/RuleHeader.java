package org.meridian.incentive.rules;

import java.util.regex.Pattern;

import org.meridian.shared.UnitType;

/**
 * What every incentive rule has: a code that stays the same across versions, a name, a version number
 * (1, 2, …), the dates it is valid, and the unit type it applies to (null: channels of every type).
 */
public record RuleHeader(String code, String name, int version, Validity validity, UnitType unitType) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,63}");

    public RuleHeader {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidIncentiveException(IncentiveProblem.of("code", "incentive.v.code"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidIncentiveException(IncentiveProblem.of("name", "incentive.v.name"));
        }
        if (version < 1) {
            throw new InvalidIncentiveException(IncentiveProblem.of("version", "incentive.v.versionFromOne"));
        }
        if (validity == null) {
            throw new InvalidIncentiveException(IncentiveProblem.of("validFrom", "incentive.v.validFrom"));
        }
    }

    public boolean appliesTo(ChannelResult result) {
        return unitType == null || unitType == result.unitType();
    }

    @Override
    public String toString() {
        return code + " v" + version;
    }
}
