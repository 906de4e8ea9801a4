package org.meridian.efficiency.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Efficiency runs (效率评价) in the main navigation, beside the other insights. */
@Configuration(proxyBeanMethods = false)
class EfficiencyNavigation {

    @Bean
    NavItem efficiencyNavItem() {
        return new NavItem("efficiency", 75, "nav.efficiency", "/efficiency/runs", Role.ANALYST)
                .inGroup(NavGroup.INSIGHTS);
    }
}
