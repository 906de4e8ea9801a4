/**
 * Appeals (申诉): a channel contests one indicator value of its scorecard in a published evaluation, with a
 * statement and attachments, within a filing deadline; the channel office takes it under review and upholds or
 * rejects it with a reason. An upheld appeal corrects the events through intake (voids and events sent anew) and
 * scores the period again as a new evaluation version; the published version is never edited. Other modules use
 * {@link org.meridian.appeal.AppealService}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "channel", "evaluation", "intake"})
package org.meridian.appeal;
