package org.meridian.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.meridian.indicator.scoring.Scorecard;
import org.meridian.indicator.scoring.ScoringRule;

/**
 * Writes the JSON a scorecard is stored with: its lines, the array its row keeps ({@code evaluation_scorecard.lines};
 * read back by {@link Evaluations#lines}), and the measure totals it was scored from
 * ({@code evaluation_measure_totals.totals}). Per line {@code code, value, score, weight, contribution, peerMedian}
 * and {@code why} with {@code formula, inputs, substituted, value, rule} ({@code method, score, calculation,
 * parameters}); the totals an object of measure keys and numbers. Numbers exact and in plain notation, {@code null}
 * where there is none — the names Jackson gives these records. Written by hand because a full run writes 60,000
 * lines and 5,000 totals in its transaction, and serialising them by reflection was the largest part of storing a run
 * (docs/benchmarks.md, <em>Scorecard lines in their scorecard</em>).
 */
final class ScorecardJson {

    private ScorecardJson() {
    }

    static String lines(List<UnitScorecard.Line> lines) {
        StringBuilder b = new StringBuilder(lines.size() * 320);
        return lines(b, lines).toString();
    }

    /** Appends the lines' JSON array to {@code b} (a builder reused from one scorecard to the next) and returns it. */
    static StringBuilder lines(StringBuilder b, List<UnitScorecard.Line> lines) {
        b.append('[');
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            line(b, lines.get(i));
        }
        return b.append(']');
    }

    private static void line(StringBuilder b, UnitScorecard.Line l) {
        b.append("{\"code\":");
        string(b, l.code());
        number(b.append(",\"value\":"), l.value());
        number(b.append(",\"score\":"), l.score());
        number(b.append(",\"weight\":"), l.weight());
        number(b.append(",\"contribution\":"), l.contribution());
        number(b.append(",\"peerMedian\":"), l.peerMedian());
        b.append(",\"why\":");
        why(b, l.why());
        b.append('}');
    }

    private static void why(StringBuilder b, Scorecard.Explanation why) {
        if (why == null) {
            b.append("null");
            return;
        }
        string(b.append("{\"formula\":"), why.formula());
        numbers(b.append(",\"inputs\":"), why.inputs());
        string(b.append(",\"substituted\":"), why.substituted());
        number(b.append(",\"value\":"), why.value());
        b.append(",\"rule\":");
        ScoringRule.Applied rule = why.rule();
        if (rule == null) {
            b.append("null");
        } else {
            string(b.append("{\"method\":"), rule.method());
            number(b.append(",\"score\":"), rule.score());
            string(b.append(",\"calculation\":"), rule.calculation());
            numbers(b.append(",\"parameters\":"), rule.parameters());
            b.append('}');
        }
        b.append('}');
    }

    /**
     * Appends a scorecard's measure totals ({@code {"arrivals":649,"referrals":901}}) to {@code b} (a builder reused
     * from one scorecard to the next) and returns it.
     */
    static StringBuilder totals(StringBuilder b, Map<String, BigDecimal> totals) {
        return numbers(b, totals);
    }

    /** Appends {@code values} as a JSON object of exact plain numbers, or {@code null}, and returns {@code b}. */
    private static StringBuilder numbers(StringBuilder b, Map<String, BigDecimal> values) {
        if (values == null) {
            return b.append("null");
        }
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            number(b.append(':'), e.getValue());
        }
        return b.append('}');
    }

    private static void number(StringBuilder b, BigDecimal value) {
        b.append(value == null ? "null" : value.toPlainString());
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259 §7), the rest as it is. */
    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(String.format("\\u%04x", (int) c));
                }
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
