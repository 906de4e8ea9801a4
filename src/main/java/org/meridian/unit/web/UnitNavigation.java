package org.meridian.unit.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's entry in the main navigation, in its own group 科室与机构. */
@Configuration(proxyBeanMethods = false)
class UnitNavigation {

    @Bean
    NavItem unitsNavItem() {
        return new NavItem("units", 25, "nav.units", "/units", Role.ANALYST).inGroup(NavGroup.ORGANISATION);
    }
}
