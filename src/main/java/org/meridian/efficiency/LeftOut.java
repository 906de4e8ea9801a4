package org.meridian.efficiency;

import java.util.List;

/** A unit of the run's type that had no value in the period for some of the measures, and so was not compared. */
public record LeftOut(String code, String name, List<String> missing) {

    public LeftOut {
        missing = List.copyOf(missing);
    }
}
