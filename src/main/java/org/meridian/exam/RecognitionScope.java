package org.meridian.exam;

/**
 * Where an item's result is recognised (互认范围): among institutions that share an alliance ({@code ALLIANCE}), or
 * across the whole region ({@code REGION}).
 */
public enum RecognitionScope {
    ALLIANCE, REGION
}
