package org.meridian.portal;

import java.util.List;

import org.meridian.channel.ChannelRef;
import org.meridian.notification.Notification;

/**
 * What a channel's portal home shows besides the workbench's figures and charts: the channel itself, what is open for
 * it (the rectification actions to do first, overdue before due, then its appeals and the filing window), and its
 * unread notifications with the newest few of them.
 */
public record PortalHome(ChannelRef channel, List<OpenItem> open, long unread, List<Notification> latestUnread) {

    public PortalHome {
        open = List.copyOf(open);
        latestUnread = List.copyOf(latestUnread);
    }
}
