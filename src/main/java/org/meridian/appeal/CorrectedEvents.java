package org.meridian.appeal;

import java.util.ArrayList;
import java.util.List;

import org.meridian.intake.JsonEvents;
import org.meridian.intake.RawEvent;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the corrected events of an upheld appeal: a JSON array of event objects exactly as {@code POST
 * /api/v1/events} takes them (api.md, Events). Numbers are read as exact decimals; each event is read by intake's
 * {@link JsonEvents}, as the events API reads it.
 */
public final class CorrectedEvents {

    private CorrectedEvents() {
    }

    /** Reads the text of a form field; blank text is no events. */
    public static List<RawEvent> parse(String text, JsonMapper json) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException(AppealProcedure.MODULE, Problem.of("events", "appeal.error.eventsJson", e.getOriginalMessage()));
        }
        return read(node);
    }

    /** Reads a JSON array of events; null is no events. */
    public static List<RawEvent> read(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidInputException(AppealProcedure.MODULE, Problem.of("events", "appeal.error.eventsJson",
                    "not a JSON array"));
        }
        List<RawEvent> rows = new ArrayList<>();
        for (JsonNode n : array) {
            rows.add(JsonEvents.read(n));
        }
        return rows;
    }
}
