package org.meridian.exam;

/**
 * What the detection says of a record: a repeat (重复检查, an earlier recognisable result at another institution in
 * scope was still valid), a same-institution repeat (only its own institution had one, counted apart), or neither.
 */
public enum Outcome {
    NONE, REPEAT, SAME_INSTITUTION
}
