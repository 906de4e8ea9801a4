package org.meridian.insight.change;

import org.meridian.shared.problem.NotFoundException;

/**
 * No such channel in the caller's hospital, or not one the caller may read (404,
 * {@code urn:meridian:insight:channel-not-found}).
 */
public class ChangeNotFoundException extends NotFoundException {

    ChangeNotFoundException(String code) {
        super("insight", "channel", code, "insight.change.problem.channelNotFound");
    }
}
