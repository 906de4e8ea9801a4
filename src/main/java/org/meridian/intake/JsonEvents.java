package org.meridian.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.web.InputNumbers;
import tools.jackson.databind.JsonNode;

/**
 * Reads event objects as {@code POST /api/v1/events} takes them (api.md, Events) into raw rows, noting what the
 * JSON shape gets wrong as the row's problems, so that intake refuses the row with every reason. Also used for
 * the corrected events of an upheld appeal, so both routes read an event the same way.
 */
public final class JsonEvents {

    private JsonEvents() {
    }

    public static RawEvent read(JsonNode node) {
        List<String> problems = new ArrayList<>();
        if (!node.isObject()) {
            problems.add("an event must be a JSON object");
            return new RawEvent(null, null, null, null, null, null, null, Map.of(), problems);
        }
        String eventId = text(node, "eventId", problems);
        String type = text(node, "type", problems);
        String channel = text(node, "channel", problems);
        String occurredAt = text(node, "occurredAt", problems);
        String referralId = text(node, "referralId", problems);
        String patientId = text(node, "patientId", problems);
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
                    } else if (av.isNumber() || av.isBoolean()) {
                        attributes.put(e.getKey(), av.isNumber() ? InputNumbers.asText(av.decimalValue())
                                : av.asString());
                    } else if (!av.isNull()) {
                        problems.add("attribute " + e.getKey() + " must be a string");
                    }
                }
            }
        }
        return new RawEvent(eventId, type, channel, occurredAt, referralId, patientId, value, attributes, problems);
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
            return InputNumbers.asText(v.decimalValue());
        }
        problems.add(field + " must be a string");
        return null;
    }
}
