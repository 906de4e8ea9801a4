package org.meridian.intake;

import java.math.BigDecimal;

import org.meridian.shared.UnitType;

/**
 * One measure of one unit added up over the months of a span: the unit's code and type, how many months have a value
 * and their sum ({@code sum} null when no month has one: a unit that did not report did not report zero).
 */
public record UnitMeasureSum(String unit, UnitType type, int months, BigDecimal sum) {
}
