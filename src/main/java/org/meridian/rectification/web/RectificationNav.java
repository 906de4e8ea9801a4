package org.meridian.rectification.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts 整改 into the main navigation for analysts and above, and (a separate entry) for channel users. */
@Configuration(proxyBeanMethods = false)
class RectificationNav {

    @Bean
    NavItem rectificationNavItem() {
        return new NavItem("rectification", 57, "nav.rectification", "/rectification", Role.ANALYST)
                .inGroup(NavGroup.ASSESSMENT);
    }

    @Bean
    NavItem channelRectificationNavItem() {
        return new NavItem("rectification-channel", 58, "nav.rectification", "/rectification", Role.CHANNEL_USER)
                .inGroup(NavGroup.ASSESSMENT);
    }
}
