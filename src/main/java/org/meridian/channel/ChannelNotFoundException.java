package org.meridian.channel;

import org.meridian.shared.problem.NotFoundException;

/**
 * No channel, tier or tier change with that code or id in the caller's hospital (404, type
 * {@code urn:meridian:channel:<channel|tier|tier-change>-not-found}); other hospitals' never show.
 */
public final class ChannelNotFoundException extends NotFoundException {

    private ChannelNotFoundException(String what, Object id, String messageKey) {
        super("channel", what, id, messageKey);
    }

    public static ChannelNotFoundException code(String code) {
        return new ChannelNotFoundException("channel", code, "channel.problem.notFound");
    }

    public static ChannelNotFoundException id(long id) {
        return new ChannelNotFoundException("channel", id, "channel.problem.notFound");
    }

    public static ChannelNotFoundException tier(String code) {
        return new ChannelNotFoundException("tier", code, "channel.problem.tierNotFound");
    }

    public static ChannelNotFoundException tierChange(long id) {
        return new ChannelNotFoundException("tier-change", id, "channel.problem.tierChangeNotFound");
    }
}
