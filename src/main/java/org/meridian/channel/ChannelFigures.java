package org.meridian.channel;

import java.util.List;

import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.HomeFigure;
import org.meridian.shared.web.HomeFigures;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channel module in the shell: its navigation entry and its home-page figures (active channels,
 * contracts ending within the warning horizon, downgrades waiting for approval), for staff who may read
 * the registry ({@link ChannelVisibility#seesRegistry}).
 */
@Configuration(proxyBeanMethods = false)
class ChannelFigures implements HomeFigures {

    private final ChannelRegistry registry;
    private final Channels channels;
    private final TierChangeWorkflow tierChanges;

    ChannelFigures(ChannelRegistry registry, Channels channels, TierChangeWorkflow tierChanges) {
        this.registry = registry;
        this.channels = channels;
        this.tierChanges = tierChanges;
    }

    @Bean
    static NavItem channelNavItem() {
        return new NavItem("channels", 20, "nav.channels", "/channels", Role.ANALYST).inGroup(NavGroup.CHANNELS);
    }

    @Override
    public List<HomeFigure> figures(MeridianUser user) {
        Actor actor = user.actor();
        if (!ChannelVisibility.seesRegistry(actor)) {
            return List.of();
        }
        long ending = registry.contractsEndingSoon(actor, 1).total();
        long pending = tierChanges.countPending(actor);
        long active = channels.countByStatus(actor.hospitalId(), ChannelStatus.ACTIVE);
        return List.of(
                new HomeFigure(100, "channel.figure.active", String.valueOf(active),
                        "/channels?status=ACTIVE", "good"),
                new HomeFigure(110, "channel.figure.contractsEnding", String.valueOf(ending), "/channels/expiring",
                        ending > 0 ? "warn" : "normal"),
                new HomeFigure(120, "channel.figure.pendingDowngrades", String.valueOf(pending),
                        "/channels/approvals", pending > 0 ? "warn" : "normal"));
    }
}
