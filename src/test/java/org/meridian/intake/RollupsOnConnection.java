package org.meridian.intake;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.meridian.indicator.Measure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The intake module's own rollup code on a plain JDBC connection, for the benchmark (which runs outside the
 * server's JVM): the totals query an evaluation runs, and the rollups rebuilt from the events with the SQL of the
 * rollup check and written with the statements of ingestion. So the benchmark measures and fills exactly what
 * Meridian does, without a copy of its SQL.
 */
public final class RollupsOnConnection {

    private static final int ROWS_PER_STATEMENT = 20_000;

    private final DailyRollups rollups;

    public RollupsOnConnection(Connection connection) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        this.rollups = new DailyRollups(JdbcClient.create(dataSource), new JdbcTemplate(dataSource));
    }

    /** As {@code EventIntake.totals}: per channel id, every measure over the local dates from–to. */
    public Map<Long, Map<Measure, BigDecimal>> totals(long hospitalId, LocalDate from, LocalDate to) {
        return rollups.totals(hospitalId, from, to);
    }

    /**
     * Writes the daily and monthly rollups of a hospital whose events were loaded without them (they must be
     * empty): recomputed from the live events in the hospital's zone, added as ingestion adds them. Answers the
     * number of channel-days written.
     */
    public int rebuild(long hospitalId, String zone) {
        List<Map.Entry<DailyRollups.Day, MeasureSums>> days = new ArrayList<>(
                rollups.recomputeFromEvents(hospitalId, zone).entrySet());
        for (int i = 0; i < days.size(); i += ROWS_PER_STATEMENT) {
            Map<DailyRollups.Day, MeasureSums> chunk = new HashMap<>();
            days.subList(i, Math.min(days.size(), i + ROWS_PER_STATEMENT)).forEach(e -> chunk.put(e.getKey(), e.getValue()));
            rollups.apply(hospitalId, chunk);
        }
        return days.size();
    }
}
