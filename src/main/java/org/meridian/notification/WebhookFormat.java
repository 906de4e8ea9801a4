package org.meridian.notification;

/** The group robot a webhook posts to; each has its own message JSON. */
public enum WebhookFormat {
    /** 企业微信群机器人: {@code {"msgtype":"markdown","markdown":{"content":…}}}. */
    WECOM,
    /** 钉钉群机器人: {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}. */
    DINGTALK
}
