/**
 * Notifications (消息中心): the in-app inbox of each user — a bell with the unread count in the top bar, a list,
 * mark read — filled by listeners of other modules' events, each reaching only the people whose role and scope
 * concern it — and its delivery by e-mail and WeCom/DingTalk group robot to those who chose it, through a stored outbox with retries. Other modules
 * publish events and never call it; its facades are {@link org.meridian.notification.Inbox},
 * {@link org.meridian.notification.DeliveryPreference} and {@link org.meridian.notification.Outbox}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "evaluation", "referral", "insight", "region", "channel", "incentive",
        "appeal", "rectification"})
package org.meridian.notification;
