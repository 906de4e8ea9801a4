package org.meridian.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import org.meridian.shared.Actor;
import org.meridian.shared.files.FileLimits;
import org.meridian.shared.files.TextEncoding;
import org.meridian.shared.web.Paged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Event imports (批量导入) from CSV or XLSX files (api.md, Events). A file is read twice, row by row:
 * first to check it can be read at all (encoding, quotes, header; nothing is stored if not), then to
 * record its rows in chunks of {@value #CHUNK}, each chunk in its own transaction (the next chunk is parsed
 * on a second thread meanwhile). Memory does not grow with the file. If an import stops half-way, the chunks
 * before stay stored and the import shows as FAILED with a reason a person can read (what was wrong with the file, or
 * that it stopped unexpectedly — the technical cause goes to the log, never to the analyst); importing the same file
 * again is safe, its stored rows are then duplicates. An import still RUNNING when Meridian starts was cut off by the
 * restart and is marked FAILED ({@link #failInterrupted()}). Cells and workbooks are bounded by {@link FileLimits}.
 */
@Service
public class EventImports {

    public static final int CHUNK = 5_000;
    private static final int READ_AHEAD = 2;
    private static final Logger log = LoggerFactory.getLogger(EventImports.class);
    /** The failure of an import Meridian found RUNNING when it started. */
    static final String INTERRUPTED = "interrupted by a restart of Meridian; the rows recorded before it stay"
            + " recorded, and importing the file again is safe (they count as duplicates)";

    /**
     * An import with its report; {@code rejected} lists every rejected data row (1-based). {@code encoding} is the
     * label of the text encoding a CSV file was read in (null for XLSX, and for imports before it was kept);
     * {@code localTimes} rows gave their time without offset and were read in {@code timeZone}, the hospital's zone.
     */
    public record ImportRun(long id, String fileName, String format, String uploadedBy, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, String status, int rows, int accepted, int duplicates,
                            int rejectedCount, List<IngestReport.RejectedRow> rejected, String failure,
                            String encoding, int localTimes, String timeZone) {
    }

    /**
     * The answer to one import: its id, the report of api.md (warnings included), the encoding of a CSV file (null for
     * XLSX) and how many rows gave a time without offset, read in {@code timeZone}.
     */
    public record Result(long importId, IngestReport report, TextEncoding encoding, int localTimes, ZoneId timeZone) {
    }

    private final EventIntake intake;
    private final Imports imports;
    private final FileLimits limits;

    EventImports(EventIntake intake, Imports imports, FileLimits limits) {
        this.intake = intake;
        this.imports = imports;
        this.limits = limits;
    }

    /**
     * Imports a stored upload.
     *
     * @throws ImportFileException when the file cannot be read as an import (nothing is stored; the import
     *                             is listed as FAILED with the reason)
     */
    public Result importFile(Actor by, String fileName, Path file) {
        long hospitalId = by.hospitalId();
        String actor = by.username();
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
        EventFile.Format format;
        try {
            format = EventFile.detect(name, file);
        } catch (ImportFileException e) {
            long id = imports.start(hospitalId, name, EventFile.Format.CSV, actor);
            imports.finish(hospitalId, id, "FAILED", e.getMessage());
            throw e;
        }
        long id = imports.start(hospitalId, name, format, actor);
        try {
            TextEncoding encoding = check(format, file);
            ZoneId zone = intake.zone(hospitalId);
            imports.read(hospitalId, id, encoding, zone);
            int[] localTimes = new int[1];
            IngestReport report = record(by, id, format, file, encoding, localTimes);
            return new Result(id, report, encoding, localTimes[0], zone);
        } catch (ImportFileException e) {
            imports.finish(hospitalId, id, "FAILED", e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            log.error("import {} of hospital {} stopped", id, hospitalId, e);
            try {
                imports.finish(hospitalId, id, "FAILED", unexpected(id));
            } catch (RuntimeException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
    }

    /** The failure shown for an import that stopped for a reason other than its file (the cause is in the log). */
    static String unexpected(long id) {
        return "the import stopped unexpectedly (an internal error, logged as import " + id + "); the rows recorded"
                + " before it stopped stay recorded, and importing the file again is safe (they count as duplicates)";
    }

    /** Marks every import still RUNNING, in every hospital, as FAILED: at start-up none can still be running. */
    int failInterrupted() {
        return imports.failRunning(INTERRUPTED);
    }

    public Paged<ImportRun> list(long hospitalId, int page, int size) {
        Paged.check(page, size);
        return new Paged<>(imports.page(hospitalId, page, size), page, size, imports.count(hospitalId));
    }

    /** Reads the file through once; answers the encoding of a CSV file (null for XLSX). */
    private TextEncoding check(EventFile.Format format, Path file) {
        try (EventFile rows = EventFile.open(format, file, limits)) {
            while (rows.next() != null) {
                // reading is the check
            }
            return rows.encoding();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One chunk of rows read ahead and prepared for recording; a chunk without rows ends the file. */
    private record Chunk(EventIntake.Prepared prepared, RuntimeException failure) {
        List<RawEvent> rows() {
            return prepared == null ? List.of() : prepared.rows();
        }

        List<Integer> indexes() {
            return prepared == null ? List.of() : prepared.indexes();
        }
    }

    /**
     * Records the file chunk by chunk. A reader thread parses the next chunk and prepares it (checks each row on
     * its own, pseudonymises, encodes: {@link EventIntake#prepare}) while this thread records the current one
     * (at most {@value #READ_AHEAD} chunks wait, so memory stays bounded); every chunk is recorded on this thread,
     * in its own transaction, in file order.
     */
    private IngestReport record(Actor by, long id, EventFile.Format format, Path file, TextEncoding encoding,
                                int[] localTimes) {
        long hospitalId = by.hospitalId();
        EventIntake.Source source = format == EventFile.Format.CSV ? EventIntake.Source.CSV : EventIntake.Source.XLSX;
        int accepted = 0;
        int duplicates = 0;
        int rows = 0;
        List<IngestReport.RejectedRow> rejected = new ArrayList<>();
        List<IngestReport.RowWarning> warnings = new ArrayList<>();
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(READ_AHEAD);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> readChunks(format, file, encoding, limits, chunks, stop,
                (part, indexes) -> intake.prepare(by, part, indexes, source, id)), "import-" + id + "-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (Chunk chunk = chunks.take(); !chunk.rows().isEmpty() || chunk.failure() != null; chunk = chunks.take()) {
                if (chunk.failure() != null) {
                    throw chunk.failure();
                }
                IngestReport part = intake.record(chunk.prepared());
                localTimes[0] += chunk.prepared().localTimes();
                if (!part.rejected().isEmpty()) {
                    Map<Integer, RawEvent> byIndex = new HashMap<>();
                    for (int i = 0; i < chunk.rows().size(); i++) {
                        byIndex.put(chunk.indexes().get(i), chunk.rows().get(i));
                    }
                    imports.saveRejections(hospitalId, id, part.rejected(), byIndex);
                }
                rows += chunk.rows().size();
                accepted += part.accepted();
                duplicates += part.duplicates();
                rejected.addAll(part.rejected());
                warnings.addAll(part.warnings());
                imports.progress(hospitalId, id, rows, new IngestReport(accepted, duplicates, rejected, List.of()),
                        localTimes[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } finally {
            stop.set(true);
            reader.interrupt();
        }
        IngestReport report = new IngestReport(accepted, duplicates, rejected, warnings);
        imports.progress(hospitalId, id, rows, report, localTimes[0]);
        imports.finish(hospitalId, id, "DONE", null);
        return report;
    }

    private static void readChunks(EventFile.Format format, Path file, TextEncoding encoding, FileLimits limits,
                                   BlockingQueue<Chunk> chunks,
                                   AtomicBoolean stop,
                                   BiFunction<List<RawEvent>, List<Integer>, EventIntake.Prepared> prepare) {
        try {
            try (EventFile in = EventFile.open(format, file, limits, encoding)) {
                List<RawEvent> rows = new ArrayList<>(CHUNK);
                List<Integer> indexes = new ArrayList<>(CHUNK);
                for (EventFile.NumberedRow row = in.next(); row != null && !stop.get(); row = in.next()) {
                    rows.add(row.event());
                    indexes.add(row.index());
                    if (rows.size() == CHUNK) {
                        chunks.put(new Chunk(prepare.apply(rows, indexes), null));
                        rows = new ArrayList<>(CHUNK);
                        indexes = new ArrayList<>(CHUNK);
                    }
                }
                if (!rows.isEmpty()) {
                    chunks.put(new Chunk(prepare.apply(rows, indexes), null));
                }
                chunks.put(new Chunk(null, null));
            } catch (IOException e) {
                chunks.put(new Chunk(null, new UncheckedIOException(e)));
            } catch (RuntimeException e) {
                chunks.put(new Chunk(null, e));
            } catch (Error e) {
                // e.g. out of memory: the recording thread must still hear that reading stopped, or it waits forever
                chunks.put(new Chunk(null, new IllegalStateException("reading the file stopped", e)));
            }
        } catch (InterruptedException e) {
            // the import stopped: nobody waits for more chunks
        }
    }
}
