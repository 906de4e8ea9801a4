package org.meridian.evaluation;

import java.util.List;
import java.util.Optional;

import org.meridian.shared.Actor;

/**
 * What publishing an evaluation would change in another module — statements re-drafted or corrected, reports
 * superseded — shown on the publication's confirmation page before anyone publishes. A module that reacts to
 * {@link EvaluationPublished} contributes a bean; the evaluation module knows none of them (so no module cycle) and
 * lists whatever they say. Nothing is changed by asking.
 */
public interface PublicationConsequences {

    /**
     * What publishing {@code draft} would do here for this reader, given the version it replaces (empty for a first
     * publication); empty when nothing changes.
     */
    List<Consequence> of(Actor actor, Evaluation draft, Optional<Evaluation> replaced, java.util.Locale locale);

    /**
     * One consequence: a sentence (message key, its one argument the number of items) and the items it concerns,
     * each a line a person reads (a channel's name with its code, a statement's number and state).
     *
     * @param id      stable id, also the element id on the page
     * @param textKey message key of the sentence, {@code {0}} = the number of items
     * @param items   what it concerns, in a readable order
     */
    record Consequence(String id, String textKey, List<String> items) {

        public Consequence {
            items = List.copyOf(items);
        }
    }
}
