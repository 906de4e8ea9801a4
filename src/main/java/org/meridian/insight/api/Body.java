package org.meridian.insight.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.meridian.insight.method.Inputs;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One calculator request read field by field, so that every field that is not of its type (a string or null in a
 * series, a ragged matrix, an unknown option) becomes a problem with its path instead of a parse failure.
 */
final class Body {

    private final JsonNode root;
    private final Inputs in = new Inputs();

    private Body(JsonNode root) {
        this.root = root;
    }

    static Body parse(JsonMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text == null ? "" : text);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            new Inputs().add("", "insight.json.notObject").check();
        }
        return new Body(root);
    }

    /** Throws every problem found so far. */
    void check() {
        in.check();
    }

    private JsonNode field(String name) {
        JsonNode n = root.get(name);
        return n == null || n.isNull() ? null : n;
    }

    private void missing(String name, boolean required) {
        if (required) {
            in.add(name, "insight.value.missing");
        }
    }

    Double number(String name) {
        JsonNode n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            in.add(name, "insight.number.notNumber");
            return null;
        }
        return n.doubleValue();
    }

    Integer integer(String name) {
        JsonNode n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.isNumber() || n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > 1e9) {
            in.add(name, "insight.number.notInteger");
            return null;
        }
        return (int) n.doubleValue();
    }

    Boolean bool(String name) {
        JsonNode n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.isBoolean()) {
            in.add(name, "insight.value.notBoolean");
            return null;
        }
        return n.booleanValue();
    }

    <E extends Enum<E>> E option(String name, Class<E> type) {
        JsonNode n = field(name);
        return n == null ? null : option(n, name, type);
    }

    private <E extends Enum<E>> E option(JsonNode n, String path, Class<E> type) {
        if (n.isString()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(n.stringValue())) {
                    return e;
                }
            }
        }
        in.add(path, "insight.value.oneOf", String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(Enum::name).toList()));
        return null;
    }

    <E extends Enum<E>> List<E> options(String name, Class<E> type) {
        JsonNode n = field(name);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            in.add(name, "insight.value.notArray");
            return null;
        }
        List<E> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (e == null || e.isNull()) {
                in.add(name + "[" + i + "]", "insight.value.missing");
                out.add(null);
            } else {
                out.add(option(e, name + "[" + i + "]", type));
            }
        }
        return out;
    }

    /** A list of numbers; a null, a string or anything else in it is a problem at its index (a gap). */
    double[] numbers(String name, boolean required) {
        JsonNode n = field(name);
        if (n == null) {
            missing(name, required);
            return null;
        }
        return numbers(n, name);
    }

    private double[] numbers(JsonNode n, String path) {
        if (!n.isArray()) {
            in.add(path, "insight.value.notArray");
            return null;
        }
        double[] out = new double[n.size()];
        boolean fine = true;
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (e == null || e.isNull()) {
                in.add(path + "[" + i + "]", "insight.series.gap");
                fine = false;
            } else if (!e.isNumber()) {
                in.add(path + "[" + i + "]", "insight.number.notNumber");
                fine = false;
            } else {
                out[i] = e.doubleValue();
            }
        }
        return fine ? out : null;
    }

    /** A list of rows of numbers; the shape (empty, ragged) is checked by the method itself. */
    double[][] matrix(String name, boolean required) {
        JsonNode n = field(name);
        if (n == null) {
            missing(name, required);
            return null;
        }
        if (!n.isArray()) {
            in.add(name, "insight.value.notArray");
            return null;
        }
        double[][] out = new double[n.size()][];
        boolean fine = true;
        for (int i = 0; i < n.size(); i++) {
            JsonNode row = n.get(i);
            double[] r = row == null || row.isNull() ? null : numbers(row, name + "[" + i + "]");
            if (row == null || row.isNull()) {
                in.add(name + "[" + i + "]", "insight.value.missing");
            }
            fine &= r != null;
            out[i] = r;
        }
        return fine ? out : null;
    }

    /** AHP judgements: a list of {@code [i, j, v]}. */
    List<double[]> triples(String name) {
        double[][] m = matrix(name, false);
        return m == null ? null : Arrays.asList(m);
    }

    boolean has(String name) {
        return field(name) != null;
    }

    void add(String path, String key, Object... args) {
        in.add(path, key, args);
    }
}
