package org.meridian.appeal;

/**
 * What a filer says: which evaluation, which channel (its code), which indicator (its code) and why.
 */
public record NewAppeal(Long evaluationId, String channel, String indicator, String statement) {
}
