package org.meridian.feedback;

import org.meridian.evaluation.EvaluationPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an evaluation is published, its channels' feedback reports are generated right after the publication
 * commits, in the same request, in a transaction of their own: a failure here never undoes the publication, and
 * the reports can then be generated on demand ({@link FeedbackReports#generate}).
 */
@Component
class FeedbackOnPublication {

    private static final Logger log = LoggerFactory.getLogger(FeedbackOnPublication.class);

    private final FeedbackReports reports;
    private final TransactionTemplate ownTransaction;

    FeedbackOnPublication(FeedbackReports reports, PlatformTransactionManager transactions) {
        this.reports = reports;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void on(EvaluationPublished published) {
        try {
            ownTransaction.executeWithoutResult(s -> reports.generate(published.hospitalId(), "system",
                    published.evaluationId()));
        } catch (RuntimeException e) {
            log.error("Feedback reports of evaluation {} were not generated; generate them on the feedback page",
                    published.evaluationId(), e);
        }
    }
}
