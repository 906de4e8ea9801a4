package org.meridian.evaluation;

/** A draft (草稿) can be run again; a published (已发布) evaluation is frozen. */
public enum EvaluationStatus {
    DRAFT,
    PUBLISHED
}
