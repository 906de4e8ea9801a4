package org.meridian.channel;

import java.util.List;
import java.util.Set;

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
 * the registry (ANALYST and above).
 */
@Configuration(proxyBeanMethods = false)
class ChannelFigures implements HomeFigures {

    private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.HOSPITAL_MANAGER, Role.CHANNEL_MANAGER,
            Role.ANALYST);

    private final ChannelRegistry registry;

    ChannelFigures(ChannelRegistry registry) {
        this.registry = registry;
    }

    @Bean
    static NavItem channelNavItem() {
        return new NavItem("channels", 20, "nav.channels", "/channels", Role.ANALYST).inGroup(NavGroup.CHANNELS);
    }

    @Override
    public List<HomeFigure> figures(MeridianUser user) {
        if (user.roles().stream().noneMatch(READERS::contains)) {
            return List.of();
        }
        long h = user.hospitalId();
        long ending = registry.contractsEndingSoon(h, 1).total();
        long pending = registry.countPendingTierChanges(h);
        return List.of(
                new HomeFigure(100, "channel.figure.active", String.valueOf(registry.countActive(h)),
                        "/channels?status=ACTIVE", "good"),
                new HomeFigure(110, "channel.figure.contractsEnding", String.valueOf(ending), "/channels/expiring",
                        ending > 0 ? "warn" : "normal"),
                new HomeFigure(120, "channel.figure.pendingDowngrades", String.valueOf(pending),
                        "/channels/approvals", pending > 0 ? "warn" : "normal"));
    }
}
