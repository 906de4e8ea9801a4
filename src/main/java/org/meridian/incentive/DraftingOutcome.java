package org.meridian.incentive;

/**
 * What drafting one published evaluation did, counted by channel: statements drafted, older drafts superseded,
 * correcting drafts opened (for statements already reviewed, approved or paid), channels left unchanged (nothing
 * to give or to correct), channels already drafted from this evaluation, and sanctions recorded.
 */
public record DraftingOutcome(long evaluationId, String period, String unitType, int version, int drafted,
                              int superseded, int corrections, int unchanged, int alreadyDrafted, int sanctions) {
}
