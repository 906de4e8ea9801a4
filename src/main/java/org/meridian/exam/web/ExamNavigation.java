package org.meridian.exam.web;

import java.util.Set;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repeat-examination figures in the main navigation, for a hospital's staff and the regulator. */
@Configuration(proxyBeanMethods = false)
class ExamNavigation {

    @Bean
    NavItem examsNavItem() {
        return new NavItem("exams", 75, "nav.exams", "/exams", Role.ANALYST, Set.of(Role.REGULATOR))
                .inGroup(NavGroup.INSIGHTS);
    }
}
