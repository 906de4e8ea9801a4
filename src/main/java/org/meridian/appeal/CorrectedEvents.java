package org.meridian.appeal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.intake.RawEvent;
import org.meridian.shared.web.InputProblem;
import org.meridian.shared.web.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the corrected events of an upheld appeal: a JSON array of event objects exactly as {@code POST
 * /api/v1/events} takes them (api.md, Events). Numbers are read as exact decimals; what the JSON shape gets wrong
 * is handed to intake as the row's problems, so the row is refused with every reason.
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
            throw new InvalidInputException(InputProblem.of("events", "appeal.error.eventsJson", e.getOriginalMessage()));
        }
        return read(node);
    }

    /** Reads a JSON array of events; null is no events. */
    public static List<RawEvent> read(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidInputException(InputProblem.of("events", "appeal.error.eventsJson",
                    "not a JSON array"));
        }
        List<RawEvent> rows = new ArrayList<>();
        for (JsonNode n : array) {
            rows.add(row(n));
        }
        return rows;
    }

    private static RawEvent row(JsonNode node) {
        List<String> problems = new ArrayList<>();
        if (!node.isObject()) {
            problems.add("an event must be a JSON object");
            return new RawEvent(null, null, null, null, null, null, null, Map.of(), problems);
        }
        Object value = null;
        JsonNode v = node.get("value");
        if (v != null && !v.isNull()) {
            value = v.isNumber() ? v.decimalValue() : v.toString();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode a = node.get("attributes");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                problems.add("attributes must be a JSON object of strings");
            } else {
                for (Map.Entry<String, JsonNode> e : a.properties()) {
                    JsonNode av = e.getValue();
                    if (av.isString()) {
                        attributes.put(e.getKey(), av.stringValue());
                    } else if (av.isNumber()) {
                        attributes.put(e.getKey(), av.decimalValue().toPlainString());
                    } else if (av.isBoolean()) {
                        attributes.put(e.getKey(), av.asString());
                    } else if (!av.isNull()) {
                        problems.add("attribute " + e.getKey() + " must be a string");
                    }
                }
            }
        }
        return new RawEvent(text(node, "eventId", problems), text(node, "type", problems),
                text(node, "channel", problems), text(node, "occurredAt", problems), text(node, "referralId", problems),
                text(node, "patientId", problems), value, attributes, problems);
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        problems.add(field + " must be a string");
        return null;
    }
}
