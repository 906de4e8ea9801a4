package org.meridian.shared.security;

/**
 * Answers whether a channel id names a channel of a hospital, so that a channel user (渠道方) can only be
 * bound to a channel that exists. Implemented by the module that owns channels; while no bean exists,
 * account administration checks only that the id is a positive whole number.
 */
public interface ChannelDirectory {

    boolean exists(long hospitalId, long channelId);
}
