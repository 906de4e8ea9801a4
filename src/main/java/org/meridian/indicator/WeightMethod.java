package org.meridian.indicator;

/** How a scheme's weights were found (赋权方法) in the weighting assistant. */
public enum WeightMethod {
    /** Expert weights from a pairwise-comparison matrix (层次分析法). */
    AHP,
    /** Objective weights from the spread of the indicators' values in a published period (熵权法). */
    ENTROPY,
    /** α·AHP + (1 − α)·entropy, renormalised (组合赋权). */
    COMBINED;

    public boolean usesMatrix() {
        return this != ENTROPY;
    }

    public boolean usesPeriod() {
        return this != AHP;
    }
}
