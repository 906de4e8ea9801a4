package org.meridian.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.meridian.shared.Actor;
import org.meridian.shared.files.FileLimits;
import org.meridian.shared.files.TextEncoding;
import org.meridian.shared.files.FileRefusedException;
import org.meridian.shared.files.Workbooks;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk registration (批量导入) from CSV (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030 as Chinese Excel saves
 * it) or XLSX (first sheet). The first row
 * names the columns by field name ({@code code, name, type, ...}) or by their Chinese or English caption
 * as exported; {@code code}, {@code name} and {@code type} are required columns. Types, levels and
 * statuses may be given by name ({@code EXAM_CENTER}) or caption (体检中心). Every row is checked first;
 * then all valid rows are registered in one transaction, so an import is never half done, and every
 * invalid row is reported with every reason. A code already registered, or repeated in the file, is a
 * problem of that row. A cell longer than {@link FileLimits#maxCellChars()} is a problem of its row; a workbook whose
 * structure is hostile ({@link Workbooks#check}) or a row of more than {@link FileLimits#maxColumns()} cells refuses
 * the file.
 */
@Service
public class ChannelImport {

    /** The columns of the import and export format, in export order. */
    public static final List<String> COLUMNS = List.of("code", "name", "type", "cooperationLevel", "status", "tier",
            "region", "address", "contactName", "contactPhone", "contractStart", "contractEnd", "contractRef", "notes");
    public static final int MAX_ROWS = 5000;
    private static final Set<String> DATES = Set.of("contractStart", "contractEnd");

    private final ChannelRegistry registry;
    private final TierCatalogue catalogue;
    private final TierChangeWorkflow tierChanges;
    private final Channels channels;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final FileLimits limits;

    ChannelImport(ChannelRegistry registry, TierCatalogue catalogue, TierChangeWorkflow tierChanges,
                  Channels channels, MessageSource messages, TransactionTemplate transactions, FileLimits limits) {
        this.limits = limits;
        this.registry = registry;
        this.catalogue = catalogue;
        this.tierChanges = tierChanges;
        this.channels = channels;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** One rejected row: its 1-based data row number (the header not counted), its code if readable, every problem. */
    public record RejectedRow(int index, String code, List<Problem> problems) {
    }

    /** What an import did: rows read, channels registered, rows rejected; the encoding of a CSV file (null for XLSX). */
    public record Report(int rows, List<String> created, List<RejectedRow> rejected, String encoding) {
    }

    /**
     * Imports a file. A file that cannot be read (not CSV or XLSX, not UTF-8, no header, a required column
     * missing, an unknown column, too many rows) is refused as a whole with a 400 problem on {@code file}.
     */
    public Report importFile(Actor actor, String filename, byte[] content) {
        List<Map<String, String>> rows = read(filename, content);
        Set<String> tiers = new HashSet<>();
        catalogue.tiers(actor).forEach(t -> tiers.add(t.code()));
        List<RejectedRow> rejected = new ArrayList<>();
        List<ChannelDraft> valid = new ArrayList<>();
        List<String> validTiers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int index = i + 1;
            List<Problem> problems = new ArrayList<>();
            for (Map.Entry<String, String> cell : row.entrySet()) {
                if (limits.tooLong(cell.getValue())) {
                    problems.add(Problem.of(cell.getKey(), "channel.import.cellTooLong", limits.maxCellChars()));
                    cell.setValue(null);
                }
            }
            ChannelDraft draft = new ChannelDraft(row.get("code"), row.get("name"),
                    choice(row.get("type"), "unitType."), choice(row.get("cooperationLevel"), "channel.level."),
                    choice(row.get("status"), "channel.status."), row.get("region"), row.get("address"),
                    row.get("contactName"), row.get("contactPhone"), row.get("contractStart"), row.get("contractEnd"),
                    row.get("contractRef"), row.get("notes"));
            try {
                ChannelDraft.Fields f = draft.check(true);
                if (channels.codeTaken(actor.hospitalId(), f.code())) {
                    problems.add(Problem.of("code", "channel.error.duplicate"));
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            String code = row.get("code") == null ? null : row.get("code").strip();
            if (code != null && !code.isEmpty()) {
                Integer first = seen.putIfAbsent(code, index);
                if (first != null) {
                    problems.add(Problem.of("code", "channel.import.repeated", first));
                }
            }
            String tier = row.get("tier") == null || row.get("tier").isBlank() ? null
                    : row.get("tier").strip().toUpperCase(Locale.ROOT);
            if (tier != null && !tiers.contains(tier)) {
                problems.add(Problem.of("tier", "channel.error.unknownTier", tier));
            }
            if (problems.isEmpty()) {
                valid.add(draft);
                validTiers.add(tier);
            } else {
                rejected.add(new RejectedRow(index, code, problems));
            }
        }
        List<String> created = transactions.execute(status -> {
            List<String> codes = new ArrayList<>();
            for (int k = 0; k < valid.size(); k++) {
                Channel c = registry.register(actor, valid.get(k));
                if (validTiers.get(k) != null) {
                    tierChanges.request(actor, c.id(), validTiers.get(k), "导入时的初始分级 / tier at import",
                            TierChangeSource.MANUAL, null, false);
                }
                codes.add(c.code());
            }
            return codes;
        });
        return new Report(rows.size(), created, rejected,
                xlsx(filename, content) ? null : encoding(content).label());
    }

    /** Maps a caption (体检中心, Exam centre) to its name via the bundles; anything else passes unchanged. */
    private String choice(String value, String keyPrefix) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String v = value.strip();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String name : enumNames(keyPrefix)) {
                String caption = messages.getMessage(keyPrefix + name, null, null, locale);
                if (caption != null && caption.equalsIgnoreCase(v)) {
                    return name;
                }
            }
        }
        return v;
    }

    private static List<String> enumNames(String keyPrefix) {
        Enum<?>[] values = switch (keyPrefix) {
            case "unitType." -> org.meridian.shared.UnitType.channelTypes().toArray(Enum<?>[]::new);
            case "channel.level." -> CooperationLevel.values();
            default -> ChannelStatus.values();
        };
        return Stream.of(values).map(Enum::name).toList();
    }

    // ---- reading ----------------------------------------------------------------------------------

    private List<Map<String, String>> read(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        List<List<String>> table;
        if (xlsx(filename, content)) {
            table = readXlsx(content);
        } else if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            table = readCsv(content);
        } else {
            throw fileProblem("channel.import.format");
        }
        if (table.isEmpty()) {
            throw fileProblem("channel.import.empty");
        }
        if (table.stream().anyMatch(r -> r.size() > limits.maxColumns())) {
            throw new InvalidInputException("channel", Problem.of("file", "channel.import.tooManyColumns",
                    limits.maxColumns()));
        }
        List<String> header = table.get(0);
        List<String> fields = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String h : header) {
            String f = field(h);
            if (f == null && h != null && !h.isBlank()) {
                String shown = h.strip();
                problems.add(Problem.of("file", "channel.import.unknownColumn",
                        shown.length() > 60 ? shown.substring(0, 60) + "…" : shown));
            }
            fields.add(f);
        }
        for (String required : List.of("code", "name", "type")) {
            if (!fields.contains(required)) {
                problems.add(Problem.of("file", "channel.import.missingColumn", required));
            }
        }
        if (table.size() - 1 > MAX_ROWS) {
            problems.add(Problem.of("file", "channel.import.tooMany", MAX_ROWS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("channel", problems);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> cells : table.subList(1, table.size())) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i) != null) {
                    row.put(fields.get(i), i < cells.size() ? cells.get(i) : null);
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw fileProblem("channel.import.empty");
        }
        return rows;
    }

    /** A column's field by its name or its caption in either language. */
    private String field(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip().replace("*", "").strip();
        for (String f : COLUMNS) {
            if (f.equalsIgnoreCase(h)) {
                return f;
            }
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                if (h.equalsIgnoreCase(caption(f, locale))) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The caption of a column in the export, in the given language. */
    public String caption(String field, Locale locale) {
        return messages.getMessage("channel.field." + field, null, field, locale);
    }

    private List<List<String>> readXlsx(byte[] content) {
        try {
            Workbooks.check(content, limits);
        } catch (FileRefusedException e) {
            throw new InvalidInputException("channel", Problem.of("file", "channel.import.refused", e.getMessage()));
        }
        List<List<String>> table = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(content); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Optional<Sheet> first = wb.getSheets().findFirst();
            if (first.isEmpty()) {
                return table;
            }
            List<String> header = null;
            try (Stream<Row> rows = first.get().openStream()) {
                for (Row r : (Iterable<Row>) rows::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        Cell cell = r.getCell(i);
                        String column = header != null && i < header.size() ? field(header.get(i)) : null;
                        cells.add(cellText(cell, column));
                    }
                    if (header == null) {
                        header = cells;
                    }
                    table.add(cells);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw fileProblem("channel.import.unreadable");
        }
        return table;
    }

    private static String cellText(Cell cell, String column) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER && column != null && DATES.contains(column)) {
            LocalDateTime d = cell.asDate();
            return d == null ? null : d.toLocalDate().toString();
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText();
    }

    /** RFC 4180 CSV: commas, double quotes around fields, "" for a quote, line breaks inside quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static boolean xlsx(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || (content.length > 1 && content[0] == 'P' && content[1] == 'K');
    }

    /** The encoding {@link TextEncoding#detect} finds in a CSV file (UTF-8, UTF-16 with BOM, else GB18030). */
    private static TextEncoding encoding(byte[] content) {
        try {
            return TextEncoding.detect(new java.io.ByteArrayInputStream(content));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<List<String>> readCsv(byte[] content) {
        String text;
        try {
            text = encoding(content).charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fileProblem("channel.import.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parseCsv(text);
    }

    private static InvalidInputException fileProblem(String key) {
        return new InvalidInputException("channel", Problem.of("file", key));
    }
}
