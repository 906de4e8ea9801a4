package org.meridian.efficiency;

import java.util.List;

import org.meridian.efficiency.method.Malmquist;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * A Malmquist comparison of the units of one type over consecutive periods (not stored): the units compared in
 * their order, the index per transition and unit with its decomposition, and the units left out for want of data.
 *
 * @param units   the units compared, each with data in every period
 * @param leftOut units of the type missing some measure in some period
 */
public record Productivity(List<Period> periods, UnitType unitType, List<RunMeasure> inputs, List<RunMeasure> outputs,
        List<Compared> units, Malmquist.Result result, List<LeftOut> leftOut) {

    /** A unit compared: its code and name. */
    public record Compared(String code, String name) {
    }

    public boolean fewUnits() {
        return units.size() < inputs.size() + outputs.size();
    }
}
