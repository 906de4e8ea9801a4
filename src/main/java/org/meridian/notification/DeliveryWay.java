package org.meridian.notification;

/** A way a notification reaches a user besides the in-app inbox, which every notification always reaches. */
public enum DeliveryWay {
    /** By e-mail (邮件) to the address the user gave, through the SMTP server of the configuration. */
    EMAIL,
    /** By the WeCom (企业微信) or DingTalk (钉钉) group robot the administrator set for the user. */
    WEBHOOK
}
