/**
 * Rectification plans (整改): for a channel in the lowest tier or with a failing indicator in a published
 * evaluation, the channel office opens a plan with actions (owner, due date, status) and follow-up notes, and
 * follows it to done; overdue actions are listed on the home page. The channel sees its own plans. Other modules use
 * {@link org.meridian.rectification.RectificationWorkflow} (who sees what: {@link org.meridian.rectification.RectificationVisibility}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "evaluation", "indicator :: scoring"})
package org.meridian.rectification;
