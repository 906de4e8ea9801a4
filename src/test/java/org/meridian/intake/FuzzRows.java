package org.meridian.intake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.support.Fuzz;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Event rows for the fuzz tests (docs/security.md, Hostile input): good rows that intake must keep, and rows with one
 * to three fields made hostile (random text, NUL, lone surrogates, bidi overrides, numbers with huge exponents,
 * dates out of every range…), as column → text, the way a CSV, XLSX or JSON source carries them.
 */
public final class FuzzRows {

    static final List<String> COLUMNS = List.of("eventId", "type", "channel", "occurredAt", "referralId", "patientId",
            "value");
    public static final List<String> DATES = List.of("2026-09-03T10:15:00+08:00", "2026-09-03T10:15:00Z",
            "2026-02-29T10:15:00+08:00", "2026-09-03T10:15:00.123456789+08:00", "-999999999-01-01T00:00:00+18:00",
            "+999999999-12-31T23:59:59-18:00", "0000-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "1900-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "2026-09-03", "2026-09-03T24:00:00Z", "", " ",
            "2026-09-03T10:15:00+18:01", "2026-09-03T10:15:00.Z", "20260903T101500Z", "1970-01-01T00:00:00Z");

    private FuzzRows() {
    }

    /** A row intake must keep: a type without referral, a known channel, a moment in the past. */
    static Map<String, String> good(String eventId, String channel, Fuzz.Gen gen) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("eventId", eventId);
        String type = gen.pick("ARRIVED", "COMPLAINT", "RETURN_VISIT", "FEEDBACK", "REVENUE", "SURVEY", "REFERRAL");
        row.put("type", type);
        row.put("channel", channel);
        row.put("occurredAt", String.format("2026-%02d-%02dT%02d:%02d:00+08:00", gen.between(1, 8), gen.between(1, 28),
                gen.between(0, 23), gen.between(0, 59)));
        row.put("referralId", type.equals("REFERRAL") ? eventId + "-r" : "");
        row.put("patientId", gen.chance(0.5) ? "" : "P" + gen.between(1, 99999));
        row.put("value", switch (type) {
            case "REVENUE" -> gen.between(-500, 50000) + "." + gen.between(0, 99);
            case "SURVEY" -> String.valueOf(gen.between(1, 5));
            default -> "";
        });
        if (gen.chance(0.3)) {
            row.put("department", gen.pick("心内科", "骨科", "CARD"));
        }
        return row;
    }

    /** A good row with one to three fields (or attributes) made hostile; by chance it may still be a good row. */
    static Map<String, String> hostile(String eventId, String channel, Fuzz.Gen gen) {
        Map<String, String> row = good(eventId, channel, gen);
        int damages = gen.between(1, 3);
        for (int d = 0; d < damages; d++) {
            String column = gen.chance(0.15) ? gen.pick("note", "recommend", "to", "from", "", " x", "名字")
                    : gen.pick(COLUMNS);
            row.put(column, hostileText(column, gen));
        }
        return row;
    }

    public static String hostileText(String column, Fuzz.Gen gen) {
        return switch (gen.between(0, 9)) {
            case 0 -> column.equals("occurredAt") ? gen.pick(DATES) : gen.text(gen.size());
            case 1 -> gen.pick(Fuzz.Gen.HOSTILE);
            case 2 -> gen.pick("1e999999999", "-1E+999999999", "1e-999999999", "0E+999999999", "1e100000",
                    "12345678901234567890", "0.0000000001", "1,5", "+.5", "5.", "١٢", "NaN");
            case 3 -> gen.pick(DATES);
            case 4 -> gen.pick(EventType.values()).name() + gen.pick("", " ", "\u0000", "x");
            case 5 -> "x".repeat(gen.pick(0, 127, 128, 129, 1000, 1001, 4000));
            case 6 -> gen.text(3) + "\u0000" + gen.text(3);
            case 7 -> "\"" + gen.text(5);
            case 8 -> gen.text(2) + "\n" + gen.text(2);
            default -> gen.text(8);
        };
    }

    /** The extra columns (attributes) any of the rows has, in order of first appearance. */
    static List<String> attributeColumns(List<Map<String, String>> rows) {
        List<String> extra = new ArrayList<>();
        for (Map<String, String> row : rows) {
            for (String k : row.keySet()) {
                if (!COLUMNS.contains(k) && !extra.contains(k)) {
                    extra.add(k);
                }
            }
        }
        return extra;
    }

    /** A FHIR R4 bundle as JSON, most entries plausible, some hostile, now and then the text damaged. */
    public static String fhirBundle(Fuzz.Gen gen, String prefix, String channel) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode bundle = f.objectNode().put("resourceType", "Bundle")
                .put("type", gen.chance(0.8) ? gen.pick("batch", "transaction") : gen.pick("collection", "x", ""));
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode org = entries.addObject().put("fullUrl", "urn:uuid:" + prefix + "org").putObject("resource")
                .put("resourceType", "Organization");
        org.putArray("identifier").addObject().put("system", "urn:meridian:channel")
                .put("value", gen.chance(0.8) ? channel : FuzzRows.hostileText("channel", gen));
        int n = gen.between(1, gen.size());
        for (int i = 0; i < n; i++) {
            String id = gen.chance(0.8) ? prefix + i : FuzzRows.hostileText("eventId", gen);
            String type = gen.pick("ServiceRequest", "Appointment", "Encounter", "QuestionnaireResponse", "MeasureReport",
                    "Patient", "Binary", "DiagnosticReport");
            ObjectNode entry = entries.addObject().put("fullUrl", type + "/" + id);
            ObjectNode r = entry.putObject("resource").put("resourceType", type).put("id", id);
            String when = gen.chance(0.7) ? "2026-09-0" + gen.between(1, 9) + "T10:00:00+08:00" : gen.pick(FuzzRows.DATES);
            ObjectNode requester = f.objectNode().put("reference", gen.chance(0.8) ? "urn:uuid:" + prefix + "org"
                    : gen.text(6));
            switch (type) {
                case "ServiceRequest" -> r.put("status", "active").put("intent", "order").put("authoredOn", when)
                        .set("requester", requester);
                case "Appointment" -> {
                    r.put("status", gen.pick("booked", "arrived", "cancelled", "proposed")).put("created", when);
                    r.putArray("participant").addObject().set("actor", requester);
                    r.putArray("basedOn").addObject().put("reference", "ServiceRequest/" + prefix + gen.between(0, n));
                }
                case "Encounter" -> {
                    r.put("status", "finished").putObject("period").put("start", when);
                    r.putObject("hospitalization").set("origin", requester);
                }
                case "QuestionnaireResponse" -> {
                    r.put("status", "completed").put("authored", when).set("author", requester);
                    ObjectNode answer = r.putArray("item").addObject().put("linkId", gen.pick("satisfaction", "recommend"))
                            .putArray("answer").addObject();
                    switch (gen.between(0, 3)) {
                        case 0 -> answer.put("valueInteger", gen.between(-3, 12));
                        case 1 -> answer.put("valueDecimal", new BigDecimal(gen.pick("4.5", "1e999999999", "1e-999999999",
                                "123456789012345678901234567890", "-0")));
                        case 2 -> answer.put("valueString", FuzzRows.hostileText("value", gen));
                        default -> answer.put("valueBoolean", true);
                    }
                }
                case "MeasureReport" -> {
                    r.put("status", gen.pick("complete", "pending")).put("type", "summary")
                            .put("measure", "urn:meridian:measure:" + gen.pick("discharges", "beds", "x"));
                    r.putObject("subject").putObject("identifier").put("value", gen.text(4));
                    r.putObject("period").put("start", gen.pick("2026-09-01", "2026-09", when, "0001-01-01"))
                            .put("end", gen.pick("2026-09-30", "2026-09", when, "9999-12-31"));
                    r.putArray("group").addObject().putObject("measureScore").put("value",
                            new BigDecimal(gen.pick("12", "1e999999999", "-1", "0.0000000001", "123456789012345678901")));
                }
                default -> r.put("status", gen.text(3));
            }
        }
        byte[] text = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(bundle);
        return new String(gen.chance(0.15) ? gen.damaged(text) : text, StandardCharsets.UTF_8);
    }
}
