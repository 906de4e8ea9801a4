package org.meridian.feedback.web;

import java.util.Set;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts 评估反馈 into the main navigation for analysts and above, and for the channels' own users. */
@Configuration(proxyBeanMethods = false)
class FeedbackNav {

    @Bean
    NavItem feedbackNavItem() {
        return new NavItem("feedback", 55, "nav.feedback", "/feedback", Role.ANALYST, Set.of(Role.CHANNEL_USER))
                .inGroup(NavGroup.ASSESSMENT);
    }
}
