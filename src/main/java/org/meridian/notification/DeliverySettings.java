package org.meridian.notification;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings {@code meridian.notification.*} of delivery outside Meridian (docs/notifications.md, the settings
 * table of docs/deployment.md). The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
class DeliverySettings {

    /**
     * @param mailFrom the sender of the e-mails ({@code meridian.notification.mail-from})
     * @param baseUrl  the address people open Meridian at, to make links absolute ({@code meridian.notification
     *                 .base-url}); blank: the e-mail names the page's path only
     */
    record Outbound(String mailFrom, String baseUrl) {

        /** The link to {@code path} as people outside can follow it. */
        String link(String path) {
            return baseUrl.isBlank() ? path : baseUrl.replaceAll("/+$", "") + path;
        }
    }

    @Bean
    RetryPolicy notificationRetryPolicy(
            @Value("${meridian.notification.retry.first-delay:PT1M}") Duration firstDelay,
            @Value("${meridian.notification.retry.max-delay:PT1H}") Duration maxDelay,
            @Value("${meridian.notification.retry.max-attempts:8}") int maxAttempts) {
        return new RetryPolicy(firstDelay, maxDelay, maxAttempts);
    }

    @Bean
    Outbound notificationOutbound(
            @Value("${meridian.notification.mail-from:Meridian <noreply@meridian.invalid>}") String mailFrom,
            @Value("${meridian.notification.base-url:}") String baseUrl) {
        return new Outbound(mailFrom, baseUrl.strip());
    }
}
