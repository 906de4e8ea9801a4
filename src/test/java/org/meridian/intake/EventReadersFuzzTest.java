package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.shared.files.FileLimits;
import org.meridian.support.Fuzz;
import org.meridian.support.HandMadeXlsx;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18 point 15: the event readers fuzzed (docs/security.md, Hostile input). Whatever a JSON body, a CSV file or
 * an XLSX workbook holds, reading it and validating its rows either refuses the file as a whole with a reason
 * ({@link ImportFileException}) or gives one row per non-blank source row, each with its own number, which the
 * validator keeps or rejects with at least one reason — never another exception, never a row lost or merged into
 * another. Reader level, no database: thousands of tries in seconds. Seeds are fixed; see {@link Fuzz} to replay a
 * failure or run more tries.
 */
class EventReadersFuzzTest {

    /** A small cell limit, so that rows over it come up often. */
    static final FileLimits LIMITS = new FileLimits(1_000, 30, 1L << 26, 1L << 24);
    static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir Path dir;

    static EventValidator validator() {
        return new EventValidator(code -> code.startsWith("CH") ? Optional.of(7L) : Optional.empty(),
                ZoneId.of("Asia/Shanghai"), NOW);
    }

    /** The validator's verdict on a row: kept, or rejected with at least one reason, never an exception. */
    static EventValidator.Result judged(RawEvent row) {
        EventValidator.Result result = validator().validate(row);
        if (result.ok()) {
            assertThat(result.errors()).isEmpty();
            EventValidator.Valid v = result.valid();
            assertThat(EventValidator.isStorable(v.eventId())).isTrue();
            assertThat(v.eventId().length()).isLessThanOrEqualTo(EventValidator.MAX_ID_LENGTH);
            assertThat(v.occurredAt()).isBefore(NOW.plusSeconds(86_401));
            assertThat(v.localDate().getYear()).as("a stored moment PostgreSQL can hold").isBetween(1900, 2027);
        } else {
            assertThat(result.errors()).as("a rejected row has its reasons").isNotEmpty()
                    .allSatisfy(e -> assertThat(e).isNotBlank());
        }
        return result;
    }

    // ---- JSON ---------------------------------------------------------------------------------------------

    static JsonNode jsonValue(String column, Fuzz.Gen gen) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (gen.between(0, 9)) {
            case 0 -> f.numberNode(new BigDecimal(gen.pick("1e999999999", "-1E+999999999", "1e-999999999",
                    "0E+999999999", "1e100000", "123456789012345678901234567890", "0.1", "-0")));
            case 1 -> f.numberNode(gen.nextLong());
            case 2 -> f.booleanNode(gen.chance(0.5));
            case 3 -> f.nullNode();
            case 4 -> f.arrayNode().add(gen.text(3));
            case 5 -> f.objectNode().put("x", gen.text(3));
            default -> f.stringNode(FuzzRows.hostileText(column, gen));
        };
    }

    static JsonNode jsonEvent(Fuzz.Gen gen, int i) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (gen.chance(0.05)) {
            return gen.pick(f.stringNode("x"), f.numberNode(1), f.arrayNode(), f.nullNode());
        }
        Map<String, String> row = gen.chance(0.3) ? FuzzRows.good("e" + i, "CH1", gen) : FuzzRows.hostile("e" + i, "CH1", gen);
        ObjectNode event = f.objectNode();
        ObjectNode attributes = f.objectNode();
        for (var cell : row.entrySet()) {
            boolean column = FuzzRows.COLUMNS.contains(cell.getKey());
            ObjectNode target = column ? event : attributes;
            if (gen.chance(0.15)) {
                target.set(cell.getKey(), jsonValue(cell.getKey(), gen));
            } else if (column && cell.getKey().equals("value") && !cell.getValue().isEmpty() && gen.chance(0.5)) {
                try {
                    event.set("value", f.numberNode(new BigDecimal(cell.getValue())));
                } catch (NumberFormatException e) {
                    event.put("value", cell.getValue());
                }
            } else if (!cell.getValue().isEmpty()) {
                target.put(cell.getKey(), cell.getValue());
            }
        }
        if (!attributes.isEmpty() || gen.chance(0.1)) {
            event.set("attributes", gen.chance(0.1) ? jsonValue("attributes", gen) : attributes);
        }
        return event;
    }

    @Test
    void anyJsonEventIsReadAndThenKeptOrRejectedWithAReasonNeverAnException() {
        Fuzz.check("JSON events", 18_15_01L, 3_000, 12, gen -> {
            ArrayNode batch = JsonNodeFactory.instance.arrayNode();
            int n = gen.between(1, gen.size());
            for (int i = 0; i < n; i++) {
                batch.add(jsonEvent(gen, i));
            }
            return batch;
        }, batch -> {
            for (JsonNode node : batch) {
                judged(JsonEvents.read(node));
            }
        });
    }

    @Test
    void anyBodyBytesAreValidJsonOrAJacksonRefusal() {
        Fuzz.check("JSON bodies", 18_15_02L, 2_000, 8, gen -> {
            ArrayNode batch = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < gen.between(1, gen.size()); i++) {
                batch.add(jsonEvent(gen, i));
            }
            byte[] text = JSON.writeValueAsBytes(batch);
            return gen.chance(0.8) ? gen.damaged(text) : text;
        }, body -> {
            JsonNode tree;
            try {
                tree = JSON.readTree(body);
            } catch (JacksonException e) {
                return; // answered 400 with the parser's reason (EventsApiTest)
            }
            if (tree != null && tree.isArray()) {
                tree.forEach(node -> judged(JsonEvents.read(node)));
            }
        });
    }

    // ---- CSV ----------------------------------------------------------------------------------------------

    /** A file's rows: each list is one row of cells; blank rows (all cells empty) are allowed. */
    record Sheet(List<String> header, List<List<String>> rows) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.join("|", header));
            rows.forEach(r -> s.append("\n").append(String.join("|", r)));
            return s.toString();
        }
    }

    static Sheet sheet(Fuzz.Gen gen, boolean xmlSafe) {
        List<Map<String, String>> rows = new ArrayList<>();
        int n = gen.between(0, gen.size());
        for (int i = 0; i < n; i++) {
            rows.add(gen.chance(0.1) ? new LinkedHashMap<>()
                    : gen.chance(0.4) ? FuzzRows.good("e" + i, "CH1", gen) : FuzzRows.hostile("e" + i, "CH1", gen));
        }
        List<String> header = new ArrayList<>(FuzzRows.COLUMNS);
        FuzzRows.attributeColumns(rows).stream().filter(c -> !c.isBlank() && !header.contains(c.strip()))
                .map(String::strip).distinct().forEach(header::add);
        java.util.Collections.shuffle(header, new java.util.Random(gen.nextLong()));
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, String> row : rows) {
            List<String> line = new ArrayList<>();
            for (String column : header) {
                String v = row.getOrDefault(column, row.getOrDefault(" " + column, ""));
                line.add(xmlSafe ? xmlSafe(v) : new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            }
            cells.add(line);
        }
        return new Sheet(header, cells);
    }

    /** What XML 1.0 can carry in a cell (no NUL and other C0 controls, no unpaired surrogate, no CR). */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> c == '\t' || c == '\n' || c >= 0x20 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE
                || c > 0xFFFF).forEach(b::appendCodePoint);
        return b.toString();
    }

    static byte[] csv(Sheet sheet, Fuzz.Gen gen) {
        String eol = gen.pick("\n", "\r\n");
        StringBuilder s = new StringBuilder(gen.chance(0.2) ? "\uFEFF" : "");
        s.append(csvLine(sheet.header(), gen));
        for (List<String> row : sheet.rows()) {
            s.append(eol).append(csvLine(row, gen));
        }
        if (gen.chance(0.5)) {
            s.append(eol);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String csvLine(List<String> cells, Fuzz.Gen gen) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")
                    || c.isEmpty() && gen.chance(0.1) || gen.chance(0.05);
            out.add(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", out);
    }

    /** Reads a whole file: the rows, or the refusal ({@link ImportFileException}). */
    List<EventFile.NumberedRow> read(EventFile.Format format, byte[] bytes) {
        try {
            Path file = Files.createTempFile(dir, "fuzz", format == EventFile.Format.CSV ? ".csv" : ".xlsx");
            Files.write(file, bytes);
            List<EventFile.NumberedRow> rows = new ArrayList<>();
            try (EventFile reader = EventFile.open(format, file, LIMITS)) {
                for (EventFile.NumberedRow row = reader.next(); row != null; row = reader.next()) {
                    rows.add(row);
                }
            } finally {
                Files.delete(file);
            }
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The sheet written as a file of the format and read back: the same rows. */
    void roundTrip(EventFile.Format format, Sheet sheet) {
        Fuzz.Gen quoting = new Fuzz.Gen(new java.util.SplittableRandom(sheet.rows().size()), 1);
        sameRows(sheet, read(format, format == EventFile.Format.CSV ? csv(sheet, quoting) : xlsx(sheet, quoting)));
    }

    /** A damaged file is read row by row (rows in order, each judged) or refused with a reason of the given form. */
    void readOrRefused(EventFile.Format format, byte[] bytes, String reason) {
        List<EventFile.NumberedRow> rows;
        try {
            rows = read(format, bytes);
        } catch (ImportFileException refused) {
            assertThat(refused.getMessage()).matches(reason);
            return;
        }
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).index()).isGreaterThan(rows.get(i - 1).index());
        }
        rows.forEach(r -> judged(r.event()));
    }

    /** Every non-blank row comes back once, with its number and its cells, and is kept or rejected with reasons. */
    void sameRows(Sheet sheet, List<EventFile.NumberedRow> read) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < sheet.rows().size(); i++) {
            if (!sheet.rows().get(i).stream().allMatch(String::isBlank)) {
                expected.add(i + 1);
            }
        }
        assertThat(read.stream().map(EventFile.NumberedRow::index).toList()).as("row numbers").isEqualTo(expected);
        for (EventFile.NumberedRow row : read) {
            List<String> cells = sheet.rows().get(row.index() - 1);
            RawEvent e = row.event();
            boolean tooLong = cells.stream().anyMatch(LIMITS::tooLong);
            if (tooLong) {
                assertThat(e.problems()).as("row %d has a cell over the limit", row.index())
                        .anyMatch(p -> p.contains("column"));
                assertThat(judged(e).ok()).isFalse();
                continue;
            }
            for (String column : List.of("eventId", "type", "channel", "occurredAt", "referralId", "patientId")) {
                String written = cells.get(sheet.header().indexOf(column));
                assertThat(field(e, column)).as("row %d %s", row.index(), column)
                        .isEqualTo(written.isEmpty() ? null : written);
            }
            String value = cells.get(sheet.header().indexOf("value"));
            assertThat(e.value() == null).as("row %d value", row.index()).isEqualTo(value.isBlank());
            for (String column : sheet.header()) {
                if (!FuzzRows.COLUMNS.contains(column)) {
                    String written = cells.get(sheet.header().indexOf(column));
                    assertThat(e.attributes().get(column)).as("row %d attribute %s", row.index(), column)
                            .isEqualTo(written.isEmpty() ? null : written);
                }
            }
            judged(e);
        }
    }

    static String field(RawEvent e, String column) {
        return switch (column) {
            case "eventId" -> e.eventId();
            case "type" -> e.type();
            case "channel" -> e.channel();
            case "occurredAt" -> e.occurredAt();
            case "referralId" -> e.referralId();
            default -> e.patientId();
        };
    }

    @Test
    void aCsvFileGivesBackEveryRowItHoldsWithItsNumberNoneSwallowedNoneMerged() {
        Fuzz.check("CSV round trip", 18_15_03L, 600, 25, gen -> sheet(gen, false),
                sheet -> roundTrip(EventFile.Format.CSV, sheet));
    }

    @Test
    void aDamagedCsvFileIsReadRowByRowOrRefusedNamingItsLine() {
        Fuzz.check("CSV damaged", 18_15_04L, 1_500, 20, gen -> {
            byte[] good = csv(sheet(gen, false), gen);
            return gen.chance(0.1) ? gen.bytes(gen.size() * 20) : gen.damaged(good);
        }, bytes -> readOrRefused(EventFile.Format.CSV, bytes, "(?s)(line \\d+: |the header|the file is empty).*"));
    }

    // ---- XLSX ---------------------------------------------------------------------------------------------

    static byte[] xlsx(Sheet sheet, Fuzz.Gen gen) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Meridian", "1.0");
            Worksheet ws = wb.newWorksheet("Events");
            for (int c = 0; c < sheet.header().size(); c++) {
                ws.value(0, c, sheet.header().get(c));
            }
            for (int r = 0; r < sheet.rows().size(); r++) {
                List<String> row = sheet.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    // a plain decimal now and then as a number cell, as Excel keeps a typed number
                    boolean number = sheet.header().get(c).equals("value") ? v.matches("-?\\d{1,12}(\\.\\d{1,6})?")
                            : v.matches("-?[1-9]\\d{0,11}|0"); // read back as written: no -0, no leading zeros
                    if (number && gen.chance(0.5)) {
                        ws.value(r + 1, c, new BigDecimal(v));
                    } else {
                        ws.value(r + 1, c, v);
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void anXlsxWorkbookGivesBackEveryRowItHoldsWithItsNumber() {
        Fuzz.check("XLSX round trip", 18_15_05L, 150, 20, gen -> sheet(gen, true),
                sheet -> roundTrip(EventFile.Format.XLSX, sheet));
    }

    @Test
    void aDamagedOrHandMadeWorkbookIsReadRowByRowOrRefusedWithAReason() {
        Fuzz.check("XLSX damaged", 18_15_06L, 400, 10, gen -> {
            if (gen.chance(0.4)) {
                // cells as a hostile producer might write them: any type, any text (HandMadeXlsx puts each in a shared string)
                List<List<String>> rows = new ArrayList<>();
                rows.add(FuzzRows.COLUMNS);
                for (int i = 0; i < gen.between(0, gen.size()); i++) {
                    List<String> row = new ArrayList<>();
                    for (String column : FuzzRows.COLUMNS) {
                        row.add(gen.chance(0.5) ? xmlEscaped(FuzzRows.hostileText(column, gen)) : gen.pick("e" + i,
                                "ARRIVED", "CH1", "2026-09-03T10:15:00+08:00", "", "1"));
                    }
                    rows.add(row);
                }
                byte[] made = HandMadeXlsx.of(rows);
                return gen.chance(0.5) ? made : gen.damaged(made);
            }
            return gen.damaged(xlsx(sheet(gen, true), gen));
        }, bytes -> readOrRefused(EventFile.Format.XLSX, bytes, "(?s)\\S.*"));
    }

    /** Text as it may stand in XML (HandMadeXlsx writes it as is). */
    static String xmlEscaped(String s) {
        return xmlSafe(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- what the fuzzing found, kept as plain regression tests ------------------------------------------------

    @Test
    void aJsonNumberWithAHugeExponentWhereATextBelongsIsKeptAsItsShortFormNotWrittenOut() {
        // found by anyJsonEventIsReadAndThenKeptOrRejectedWithAReasonNeverAnException: {"eventId": 1e999999999} was
        // written out as a billion digits (OutOfMemoryError, a 500 for the whole batch)
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("type", "ARRIVED").put("channel", "CH1")
                .put("occurredAt", "2026-09-03T10:15:00+08:00");
        event.put("eventId", new BigDecimal("1e999999999"));
        event.putObject("attributes").put("note", new BigDecimal("-1e-999999999"));
        RawEvent row = JsonEvents.read(event);
        assertThat(row.eventId()).isEqualTo("1E+999999999");
        assertThat(row.attributes()).containsEntry("note", "-1E-999999999");
        assertThat(judged(row).ok()).isTrue();
    }

    @Test
    void aNumberCellWithAHugeExponentInATextColumnIsReadAsItsShortForm() {
        // the same find in a workbook: a number cell 1E+999999999 as the eventId, and one as the value
        byte[] xlsx = HandMadeXlsx.of(List.of(FuzzRows.COLUMNS,
                List.of(HandMadeXlsx.NUMBER + "1E+999999999", "REVENUE", "CH1", "2026-09-03T10:15:00+08:00", "", "",
                        HandMadeXlsx.NUMBER + "1E+999999999")));
        List<EventFile.NumberedRow> rows = read(EventFile.Format.XLSX, xlsx);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).event().eventId()).isEqualTo("1E+999999999");
        assertThat(judged(rows.get(0).event()).errors()).containsExactly("value 1E+999999999 is outside the allowed"
                + " range (at most 19 digits before and 9 after the decimal point)");
    }

    @Test
    void aMomentBefore1900IsRejectedAsItsRow() {
        // found by the same property: -999999999-01-01T00:00:00+18:00 has no local date (DateTimeException, the whole
        // batch a 500), and a moment before 4713 BC is outside what PostgreSQL's timestamps hold
        for (String at : List.of("-999999999-01-01T00:00:00+18:00", "-4714-11-24T00:00:00Z", "1899-12-31T23:59:59Z",
                "1900-01-01T07:59:59+08:00")) {
            EventValidator.Result result = judged(RawEvent.of("e1", "ARRIVED", "CH1", at, null, null, null, Map.of()));
            assertThat(result.errors()).as(at).containsExactly("occurredAt " + at
                    + " is before 1900-01-01 (the earliest moment an event may have)");
        }
        assertThat(judged(RawEvent.of("e1", "ARRIVED", "CH1", "1900-01-01T08:00:00+08:00", null, null, null, Map.of()))
                .ok()).as("1900-01-01T00:00:00Z itself").isTrue();
    }
}
