package org.meridian.channel;

import java.util.List;

import org.meridian.shared.security.ChannelDirectory;
import org.springframework.stereotype.Component;

/** Lets account administration bind a channel user (渠道方) only to a channel of the same hospital. */
@Component
class ChannelDirectoryAdapter implements ChannelDirectory {

    private final Channels channels;

    ChannelDirectoryAdapter(Channels channels) {
        this.channels = channels;
    }

    @Override
    public boolean exists(long hospitalId, long channelId) {
        return channels.findById(hospitalId, channelId).isPresent();
    }

    @Override
    public List<Choice> choices(long hospitalId) {
        return channels.choices(hospitalId);
    }
}
