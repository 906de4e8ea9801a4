package org.meridian.portal.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts 渠道门户 first in a channel user's navigation; nobody else has a portal. */
@Configuration(proxyBeanMethods = false)
class PortalNav {

    @Bean
    NavItem portalNavItem() {
        return new NavItem("portal", 1, "portal.nav", "/portal", Role.CHANNEL_USER);
    }
}
