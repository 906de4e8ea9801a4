package org.meridian.incentive;

import java.time.Instant;

import org.meridian.incentive.rules.StatementLine;

/** A line of a stored statement: its number, the line, and who added it when. */
public record StoredLine(int lineNo, StatementLine line, String createdBy, Instant createdAt) {
}
