package org.meridian.channel;

/** Where a tier change came from: a person's decision, or an evaluation's recommended tier. */
public enum TierChangeSource {
    MANUAL,
    EVALUATION
}
