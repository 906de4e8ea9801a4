package org.meridian.rectification;

import java.time.OffsetDateTime;

/** A follow-up note (跟踪记录) on a plan: appended with who and when, never changed. */
public record Note(long id, long planId, String body, OffsetDateTime writtenAt, String writtenBy) {
}
