package org.meridian.efficiency.method;

/** The returns to scale a DEA frontier assumes. */
public enum DeaModel {
    /** Charnes, Cooper and Rhodes (1978): constant returns to scale; technical efficiency (综合技术效率). */
    CCR,
    /** Banker, Charnes and Cooper (1984): variable returns to scale (Σλ = 1); pure technical efficiency (纯技术效率). */
    BCC
}
