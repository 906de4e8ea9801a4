package org.meridian.feedback;

import org.meridian.shared.problem.NotFoundException;

/** No such suggestion rule in the caller's hospital (404, {@code urn:meridian:feedback:rule-not-found}). */
public class SuggestionRuleNotFoundException extends NotFoundException {

    public SuggestionRuleNotFoundException(long id) {
        super(FeedbackReporting.MODULE, "rule", id, "feedback.problem.notFound.rule");
    }
}
