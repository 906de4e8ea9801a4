package org.meridian.shared.security.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts 系统管理 (administration) into the main navigation, for administrators only. */
@Configuration(proxyBeanMethods = false)
class AdminNavigation {

    static final String NAV_ID = "admin";

    @Bean
    NavItem adminNavItem() {
        return new NavItem(NAV_ID, 90, "nav.admin", "/admin/users", Role.ADMIN).inGroup(NavGroup.ADMIN);
    }
}
