package org.meridian.feedback;

import org.meridian.shared.problem.NotFoundException;

/**
 * No such feedback report in the caller's hospital, or none the caller may see: answered alike, revealing nothing
 * (404, {@code urn:meridian:feedback:report-not-found}).
 */
public class FeedbackReportNotFoundException extends NotFoundException {

    public FeedbackReportNotFoundException(long id) {
        super(FeedbackReporting.MODULE, "report", id, "feedback.problem.notFound.report");
    }
}
