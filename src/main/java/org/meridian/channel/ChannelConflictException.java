package org.meridian.channel;

import java.util.List;

import org.meridian.shared.problem.ConflictException;

/**
 * A request that contradicts the registry's state (409): a code already taken (kind {@code code-taken}), a tier
 * change that is no longer pending (kind {@code not-pending}).
 */
public final class ChannelConflictException extends ConflictException {

    private ChannelConflictException(String kind, String messageKey, Object arg, String logMessage) {
        super("channel", kind, messageKey, List.of(arg), logMessage);
    }

    static ChannelConflictException codeTaken(String code) {
        return new ChannelConflictException("code-taken", "channel.problem.codeTaken", code,
                "a channel with code '" + code + "' already exists in the hospital");
    }

    static ChannelConflictException notPending(TierChange change) {
        return new ChannelConflictException("not-pending", "channel.problem.notPending", change.id(),
                "tier change " + change.id() + " is " + change.status() + ", not PENDING");
    }
}
