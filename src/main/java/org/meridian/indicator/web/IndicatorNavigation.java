package org.meridian.indicator.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The navigation entry 指标体系, for analysts and above. */
@Configuration(proxyBeanMethods = false)
class IndicatorNavigation {

    @Bean
    NavItem indicatorsNav() {
        return new NavItem("indicators", 40, "nav.indicators", "/indicators", Role.ANALYST).inGroup(NavGroup.DATA);
    }
}
