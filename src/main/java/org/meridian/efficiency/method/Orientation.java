package org.meridian.efficiency.method;

/** Which way a DEA model measures: shrink inputs at the given outputs, or expand outputs at the given inputs. */
public enum Orientation {
    /** min θ: the share of its inputs a unit would need for its outputs (投入导向). */
    INPUT,
    /** max φ: how many times its outputs a unit could produce with its inputs (产出导向). */
    OUTPUT
}
