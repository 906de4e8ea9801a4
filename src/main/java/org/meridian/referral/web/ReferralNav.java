package org.meridian.referral.web;

import org.meridian.shared.security.Role;
import org.meridian.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts 转诊 (the channel's own referrals and the form to refer a patient) right after the portal for channel users. */
@Configuration(proxyBeanMethods = false)
class ReferralNav {

    @Bean
    NavItem channelReferralsNavItem() {
        return new NavItem("referrals-channel", 2, "referral.nav.channel", "/referrals", Role.CHANNEL_USER);
    }
}
