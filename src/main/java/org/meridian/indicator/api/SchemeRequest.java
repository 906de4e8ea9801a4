package org.meridian.indicator.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.shared.problem.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code PUT /api/v1/schemes/{unitType}} leniently, so that a wrong JSON type (a weight
 * written as text, a band that is not a pair of numbers) is reported per field like every other problem instead
 * of failing the whole body. Decimals are read exactly.
 */
final class SchemeRequest {

    record Read(SchemeDraft draft, List<Problem> problems) {
    }

    private SchemeRequest() {
    }

    static Read read(JsonMapper json, String body) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(body == null ? "" : body);
        } catch (JacksonException e) {
            problems.add(Problem.of("", "indicator.error.notJson"));
            return new Read(new SchemeDraft(null, null), problems);
        }
        if (root == null || !root.isObject()) {
            problems.add(Problem.of("", "indicator.error.notJson"));
            return new Read(new SchemeDraft(null, null), problems);
        }
        List<SchemeDraft.Item> items = null;
        JsonNode indicators = root.get("indicators");
        if (present(indicators) && !indicators.isArray()) {
            problems.add(Problem.of("indicators", "indicator.error.notArray"));
        } else if (present(indicators)) {
            items = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                String f = "indicators[" + i + "]";
                JsonNode n = indicators.get(i);
                if (!n.isObject()) {
                    problems.add(Problem.of(f, "indicator.error.notObject"));
                    items.add(null);
                    continue;
                }
                items.add(new SchemeDraft.Item(text(n.get("code"), f + ".code", problems),
                        number(n.get("weight"), f + ".weight", problems),
                        scoring(n.get("scoring"), f + ".scoring", problems)));
            }
        }
        List<SchemeDraft.Tier> tiers = null;
        JsonNode tierNodes = root.get("tiers");
        if (present(tierNodes) && !tierNodes.isArray()) {
            problems.add(Problem.of("tiers", "indicator.error.notArray"));
        } else if (present(tierNodes)) {
            tiers = new ArrayList<>();
            for (int i = 0; i < tierNodes.size(); i++) {
                String f = "tiers[" + i + "]";
                JsonNode n = tierNodes.get(i);
                if (!n.isObject()) {
                    problems.add(Problem.of(f, "indicator.error.notObject"));
                    tiers.add(null);
                    continue;
                }
                tiers.add(new SchemeDraft.Tier(text(n.get("tier"), f + ".tier", problems),
                        number(n.get("minTotal"), f + ".minTotal", problems)));
            }
        }
        return new Read(new SchemeDraft(items, tiers), problems);
    }

    private static SchemeDraft.Scoring scoring(JsonNode n, String f, List<Problem> problems) {
        if (!present(n)) {
            return null;
        }
        if (!n.isObject()) {
            problems.add(Problem.of(f, "indicator.error.notObject"));
            return null;
        }
        List<List<BigDecimal>> bands = null;
        JsonNode b = n.get("bands");
        if (present(b) && !b.isArray()) {
            problems.add(Problem.of(f + ".bands", "indicator.error.notArray"));
        } else if (present(b)) {
            bands = new ArrayList<>();
            for (int i = 0; i < b.size(); i++) {
                JsonNode pair = b.get(i);
                List<BigDecimal> values = new ArrayList<>();
                boolean ok = pair.isArray();
                for (int j = 0; ok && j < pair.size(); j++) {
                    ok = pair.get(j).isNumber();
                    if (ok) {
                        values.add(pair.get(j).decimalValue());
                    }
                }
                if (!ok) {
                    problems.add(Problem.of(f + ".bands[" + i + "]", "indicator.problem.bandShape"));
                    values = List.of();
                }
                bands.add(values);
            }
        }
        return new SchemeDraft.Scoring(text(n.get("method"), f + ".method", problems),
                number(n.get("zero"), f + ".zero", problems), number(n.get("full"), f + ".full", problems), bands);
    }

    private static String text(JsonNode n, String field, List<Problem> problems) {
        if (!present(n)) {
            return null;
        }
        if (!n.isString()) {
            problems.add(Problem.of(field, "indicator.error.notText"));
            return null;
        }
        return n.stringValue();
    }

    private static BigDecimal number(JsonNode n, String field, List<Problem> problems) {
        if (!present(n)) {
            return null;
        }
        if (!n.isNumber()) {
            problems.add(Problem.of(field, "indicator.error.notNumber"));
            return null;
        }
        return n.decimalValue();
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }
}
