/**
 * Feedback reports (评估反馈): when an evaluation is published, every evaluated channel gets a report of its
 * result — total, rank, tier, each indicator against the peer median, the trend of its total, its strongest and
 * weakest indicators and improvement suggestions (改进建议) from the hospital's own rules — as a page and a PDF,
 * with its delivery status (generated, viewed by the channel, acknowledged). Other modules use
 * {@link org.meridian.feedback.FeedbackReporting} and {@link org.meridian.feedback.FeedbackRuleBook} (who sees which report: {@link org.meridian.feedback.FeedbackVisibility}); the report page {@code /feedback/reports/{id}} is a stable URL.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "evaluation", "indicator",
        "indicator :: scoring"})
package org.meridian.feedback;
