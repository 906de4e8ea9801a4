package org.meridian.evaluation.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts 绩效评估 into the main navigation for analysts and above. */
@Configuration(proxyBeanMethods = false)
class EvaluationNav {

    @Bean
    NavItem evaluationsNavItem() {
        return new NavItem("evaluations", 50, "nav.evaluations", "/evaluations", Role.ANALYST)
                .inGroup(NavGroup.ASSESSMENT);
    }
}
