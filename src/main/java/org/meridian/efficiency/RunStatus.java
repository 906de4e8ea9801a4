package org.meridian.efficiency;

/** A draft (草稿) efficiency run can be looked at and discarded by running again; a published (已发布) one is frozen. */
public enum RunStatus {
    DRAFT,
    PUBLISHED
}
