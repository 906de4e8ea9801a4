/**
 * The numeric core of insight as plain Java (no Spring, no database): every class states its formula, its source and
 * what it does with empty, constant or single-point input, and rejects what it cannot compute with an
 * {@link org.meridian.shared.problem.InvalidInputException} listing every problem. Distributions and the optimiser
 * come from Apache Commons Math (docs/adr/0007-numerics-with-commons-math.md).
 */
package org.meridian.insight.method;
