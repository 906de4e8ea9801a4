package org.meridian.insight.alert;

import org.meridian.shared.problem.NotFoundException;

/**
 * No such alert, or no such channel, in the caller's hospital (404, {@code urn:meridian:insight:alert-not-found} or
 * {@code urn:meridian:insight:channel-not-found}).
 */
public class AlertNotFoundException extends NotFoundException {

    private AlertNotFoundException(String what, Object id, String key) {
        super("insight", what, id, key);
    }

    static AlertNotFoundException alert(long id) {
        return new AlertNotFoundException("alert", id, "insight.alert.problem.notFound");
    }

    static AlertNotFoundException channel(String code) {
        return new AlertNotFoundException("channel", code, "insight.alert.problem.channelNotFound");
    }
}
