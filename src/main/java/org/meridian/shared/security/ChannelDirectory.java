package org.meridian.shared.security;

import java.util.List;

/**
 * Answers whether a channel id names a channel of a hospital, so that a channel user (渠道方) can only be
 * bound to a channel that exists. Implemented by the module that owns channels; while no bean exists,
 * account administration checks only that the id is a positive whole number.
 */
public interface ChannelDirectory {

    boolean exists(long hospitalId, long channelId);

    /** The hospital's channels a channel user may be bound to, by code; empty while no channel module exists. */
    default List<Choice> choices(long hospitalId) {
        return List.of();
    }

    /** A channel as the account form offers it: its internal id, its code and its name. */
    record Choice(long id, String code, String name) {
    }
}
