package org.meridian.appeal.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts 申诉 into the main navigation for analysts and above, and for channel users (who stand apart from the role
 * hierarchy, hence a second entry that only they reach).
 */
@Configuration(proxyBeanMethods = false)
class AppealNav {

    @Bean
    NavItem appealsNavItem() {
        return new NavItem("appeals", 56, "nav.appeals", "/appeals", Role.ANALYST).inGroup(NavGroup.ASSESSMENT);
    }

    @Bean
    NavItem channelAppealsNavItem() {
        return new NavItem("appeals-channel", 56, "nav.appeals", "/appeals", Role.CHANNEL_USER)
                .inGroup(NavGroup.ASSESSMENT);
    }
}
