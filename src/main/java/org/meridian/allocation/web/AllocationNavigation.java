package org.meridian.allocation.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Allocation plans (资源配置) in the main navigation, after efficiency among the insights. */
@Configuration(proxyBeanMethods = false)
class AllocationNavigation {

    @Bean
    NavItem allocationNavItem() {
        return new NavItem("allocation", 76, "nav.allocation", "/allocation/plans", Role.ANALYST)
                .inGroup(NavGroup.INSIGHTS);
    }
}
