package org.meridian.evaluation;

import java.util.List;

import org.meridian.shared.Actor;

/**
 * Pages of other modules about one evaluation — e.g. the delivery list of its channels' feedback reports — linked
 * from the evaluation's ranking page. A module that builds on evaluations contributes a bean; the evaluation module
 * knows none of them (so no module cycle), and shows whatever links the beans give for the reader.
 */
public interface EvaluationLinks {

    /** The links for this reader and evaluation; empty when none applies (e.g. a draft, or a reader without access). */
    List<Link> links(Actor reader, Evaluation evaluation);

    /**
     * One link.
     *
     * @param id       stable id, also the link's element id on the page
     * @param labelKey message key of its text
     * @param href     the page's path within the application, e.g. {@code /feedback/evaluations/42}
     */
    record Link(String id, String labelKey, String href) {
    }
}
