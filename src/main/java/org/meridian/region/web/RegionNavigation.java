package org.meridian.region.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Region administration in the main navigation, for the region administrator only. */
@Configuration(proxyBeanMethods = false)
class RegionNavigation {

    static final String NAV_ID = "region";

    @Bean
    NavItem regionNavItem() {
        return new NavItem(NAV_ID, 95, "nav.region", "/region/hospitals", Role.REGION_ADMIN);
    }
}
