package org.meridian.referral.web;

import java.util.Set;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts 转诊服务中心 (the referral desk) in the channels' group for the desk and the channel office. A channel's user
 * reaches its referrals from the portal's home (the pages are part of the portal and mark it as the page's entry).
 */
@Configuration(proxyBeanMethods = false)
class ReferralNav {

    @Bean
    NavItem referralDeskNavItem() {
        return new NavItem("referral-desk", 22, "referral.nav.desk", "/referrals/desk", Role.CHANNEL_MANAGER,
                Set.of(Role.REFERRAL_DESK)).inGroup(NavGroup.CHANNELS);
    }
}
