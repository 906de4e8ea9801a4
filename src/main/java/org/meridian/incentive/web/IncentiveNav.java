package org.meridian.incentive.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts 激励与奖惩 into the main navigation for analysts and above, 我的结算单 for channel users. */
@Configuration(proxyBeanMethods = false)
class IncentiveNav {

    @Bean
    NavItem incentivesNavItem() {
        return new NavItem("incentives", 60, "nav.incentives", "/incentives", Role.ANALYST)
                .inGroup(NavGroup.INCENTIVES);
    }

    /** 我的结算单: a channel user's own approved and paid statements. */
    @Bean
    NavItem ownStatementsNavItem() {
        return new NavItem("own-statements", 61, "incentive.nav.own", "/incentives/own", Role.CHANNEL_USER)
                .inGroup(NavGroup.INCENTIVES);
    }
}
