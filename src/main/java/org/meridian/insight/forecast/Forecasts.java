package org.meridian.insight.forecast;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.meridian.insight.method.HoltWinters.Method;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored forecasts of each hospital (its latest computation): {@code insight_forecast_run}, {@code insight_forecast}
 * and their months in {@code insight_forecast_month}. A computation replaces the hospital's rows.
 */
@Repository
class Forecasts {

    /** What is stored for one channel (null: the hospital) and measure. */
    record Stored(Long channelId, ForecastMeasure measure, YearMonth historyFrom, double[] history,
                  ForecastModel.Computed computed) {
    }

    /** One row of the channel list: a channel's forecast of a measure with its first month ahead. */
    record Summary(long forecastId, long channelId, Method method, int historyMonths, Double backtestMape,
                   Forecast.Month next) {
    }

    private static final String COLUMNS = """
            id, channel_id, measure, method, history_from, history_months, alpha, beta, gamma, level, trend, seasonals,
            sse, backtest_method, backtest_mape, backtest_months""";

    private final JdbcClient jdbc;

    Forecasts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replaceAll(long hospitalId, ForecastRun run, List<Stored> forecasts) {
        jdbc.sql("DELETE FROM insight_forecast WHERE hospital_id = :h").param("h", hospitalId).update();
        jdbc.sql("""
                        INSERT INTO insight_forecast_run (hospital_id, last_month, horizon, channels, computed_at, computed_by)
                        VALUES (:h, :m, :hz, :c, :at, :by)
                        ON CONFLICT (hospital_id) DO UPDATE SET last_month = :m, horizon = :hz, channels = :c,
                            computed_at = :at, computed_by = :by""")
                .param("h", hospitalId).param("m", run.lastMonth().atDay(1)).param("hz", run.horizon())
                .param("c", run.channels()).param("at", run.computedAt()).param("by", run.computedBy()).update();
        for (Stored s : forecasts) {
            insert(hospitalId, s, run.lastMonth());
        }
    }

    private void insert(long h, Stored s, YearMonth lastMonth) {
        ForecastModel.Computed c = s.computed();
        ForecastModel.Backtest b = c.backtest();
        long id = jdbc.sql("""
                        INSERT INTO insight_forecast (hospital_id, channel_id, measure, method, history_from,
                            history_months, alpha, beta, gamma, level, trend, seasonals, sse, backtest_method,
                            backtest_mape, backtest_months)
                        VALUES (:h, :c, :m, :method, :from, :n, :a, :b, :g, :l, :t,
                            CAST(:s AS double precision[]), :sse, :bm, :mape, :bn)
                        RETURNING id""")
                .param("h", h).param("c", s.channelId()).param("m", s.measure().name())
                .param("method", c.method().name()).param("from", s.historyFrom().atDay(1)).param("n", c.months())
                .param("a", c.alpha()).param("b", c.beta()).param("g", c.gamma()).param("l", c.level())
                .param("t", c.trend()).param("s", c.seasonals() == null ? null : array(c.seasonals()))
                .param("sse", c.sse()).param("bm", b == null ? null : b.method().name())
                .param("mape", b == null ? null : b.mape()).param("bn", b == null ? 0 : b.months())
                .query(Long.class).single();
        List<Forecast.Month> history = new ArrayList<>();
        for (int i = 0; i < s.history().length; i++) {
            history.add(new Forecast.Month(s.historyFrom().plusMonths(i), s.history()[i], null, null, null, null));
        }
        months(h, id, "HISTORY", history);
        List<Forecast.Month> fit = new ArrayList<>();
        for (int i = 0; i < c.fitted().length; i++) {
            fit.add(new Forecast.Month(s.historyFrom().plusMonths(c.fittedFrom() + i), c.fitted()[i], null, null,
                    null, null));
        }
        months(h, id, "FIT", fit);
        List<Forecast.Month> ahead = new ArrayList<>();
        for (int i = 0; i < c.ahead().size(); i++) {
            ForecastModel.Ahead a = c.ahead().get(i);
            ahead.add(new Forecast.Month(lastMonth.plusMonths(i + 1L), a.mean(), a.lower80(), a.upper80(),
                    a.lower95(), a.upper95()));
        }
        months(h, id, "AHEAD", ahead);
        if (b != null) {
            List<Forecast.Month> back = new ArrayList<>();
            YearMonth first = lastMonth.minusMonths(ForecastModel.BACKTEST_MONTHS - 1L);
            for (int i = 0; i < b.forecast().length; i++) {
                back.add(new Forecast.Month(first.plusMonths(i), b.forecast()[i], null, null, null, null));
            }
            months(h, id, "BACKTEST", back);
        }
    }

    /** One statement per kind: the months as arrays, unnested by PostgreSQL. */
    private void months(long h, long forecastId, String kind, List<Forecast.Month> months) {
        if (months.isEmpty()) {
            return;
        }
        StringJoiner dates = new StringJoiner(",", "{", "}");
        List<Double> values = new ArrayList<>();
        List<Double> l80 = new ArrayList<>();
        List<Double> u80 = new ArrayList<>();
        List<Double> l95 = new ArrayList<>();
        List<Double> u95 = new ArrayList<>();
        for (Forecast.Month m : months) {
            dates.add(m.month().atDay(1).toString());
            values.add(m.value());
            l80.add(m.lower80());
            u80.add(m.upper80());
            l95.add(m.lower95());
            u95.add(m.upper95());
        }
        jdbc.sql("""
                        INSERT INTO insight_forecast_month (hospital_id, forecast_id, kind, month, value, lower80,
                            upper80, lower95, upper95)
                        SELECT :h, :f, :k, t.* FROM unnest(CAST(:d AS date[]), CAST(:v AS double precision[]),
                            CAST(:l8 AS double precision[]), CAST(:u8 AS double precision[]),
                            CAST(:l9 AS double precision[]), CAST(:u9 AS double precision[])) AS t""")
                .param("h", h).param("f", forecastId).param("k", kind).param("d", dates.toString())
                .param("v", array(values)).param("l8", array(l80)).param("u8", array(u80))
                .param("l9", array(l95)).param("u9", array(u95)).update();
    }

    private static String array(double[] values) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (double v : values) {
            j.add(Double.toString(v));
        }
        return j.toString();
    }

    private static String array(List<Double> values) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (Double v : values) {
            j.add(v == null ? "NULL" : Double.toString(v));
        }
        return j.toString();
    }

    Optional<ForecastRun> run(long hospitalId) {
        return jdbc.sql("""
                        SELECT last_month, horizon, channels, computed_at, computed_by FROM insight_forecast_run
                        WHERE hospital_id = :h""")
                .param("h", hospitalId)
                .query((rs, i) -> new ForecastRun(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getInt(2),
                        rs.getInt(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
                .optional();
    }

    /** The forecasts of a channel (null: of the hospital), in the order of {@link ForecastMeasure}. */
    List<Forecast> of(long hospitalId, Long channelId) {
        List<Forecast> heads = jdbc.sql("SELECT " + COLUMNS + " FROM insight_forecast WHERE hospital_id = :h"
                        + " AND channel_id IS NOT DISTINCT FROM CAST(:c AS bigint)")
                .param("h", hospitalId).param("c", channelId).query(Forecasts::head).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, List<Forecast.Month>>> months = new HashMap<>();
        jdbc.sql("""
                        SELECT m.forecast_id, m.kind, m.month, m.value, m.lower80, m.upper80, m.lower95, m.upper95
                        FROM insight_forecast_month m JOIN insight_forecast f
                          ON f.hospital_id = m.hospital_id AND f.id = m.forecast_id
                        WHERE m.hospital_id = :h AND f.channel_id IS NOT DISTINCT FROM CAST(:c AS bigint)
                        ORDER BY m.month""")
                .param("h", hospitalId).param("c", channelId)
                .query((RowCallbackHandler) rs -> months.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(month(rs, 3)));
        return heads.stream().map(f -> {
            Map<String, List<Forecast.Month>> m = months.getOrDefault(f.id(), Map.of());
            return new Forecast(f.id(), f.channelId(), f.measure(), f.method(), f.historyFrom(), f.historyMonths(),
                    f.alpha(), f.beta(), f.gamma(), f.level(), f.trend(), f.seasonals(), f.sse(), f.backtestMethod(),
                    f.backtestMape(), f.backtestMonths(), m.getOrDefault("HISTORY", List.of()), m.getOrDefault("FIT", List.of()),
                    m.getOrDefault("AHEAD", List.of()), m.getOrDefault("BACKTEST", List.of()));
        }).sorted(java.util.Comparator.comparing(Forecast::measure)).toList();
    }

    /** Every channel's forecast of one measure with its first month ahead ({@code next}). */
    List<Summary> summaries(long hospitalId, ForecastMeasure measure, YearMonth next) {
        return jdbc.sql("""
                        SELECT f.id, f.channel_id, f.method, f.history_months, f.backtest_mape, m.month, m.value,
                               m.lower80, m.upper80, m.lower95, m.upper95
                        FROM insight_forecast f LEFT JOIN insight_forecast_month m
                          ON m.hospital_id = f.hospital_id AND m.forecast_id = f.id AND m.kind = 'AHEAD' AND m.month = :n
                        WHERE f.hospital_id = :h AND f.channel_id IS NOT NULL AND f.measure = :m""")
                .param("h", hospitalId).param("m", measure.name()).param("n", next.atDay(1))
                .query((rs, i) -> new Summary(rs.getLong(1), rs.getLong(2), Method.valueOf(rs.getString(3)),
                        rs.getInt(4), (Double) rs.getObject(5), rs.getObject(6) == null ? null : month(rs, 6)))
                .list();
    }

    private static Forecast.Month month(ResultSet rs, int from) throws SQLException {
        return new Forecast.Month(YearMonth.from(rs.getObject(from, LocalDate.class)), rs.getDouble(from + 1),
                (Double) rs.getObject(from + 2), (Double) rs.getObject(from + 3), (Double) rs.getObject(from + 4),
                (Double) rs.getObject(from + 5));
    }

    private static Forecast head(ResultSet rs, int row) throws SQLException {
        Array s = rs.getArray("seasonals");
        double[] seasonals = null;
        if (s != null) {
            Object[] values = (Object[]) s.getArray();
            seasonals = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                seasonals[i] = ((Number) values[i]).doubleValue();
            }
        }
        String bm = rs.getString("backtest_method");
        Long channel = (Long) rs.getObject("channel_id");
        return new Forecast(rs.getLong("id"), channel,
                ForecastMeasure.valueOf(rs.getString("measure")), Method.valueOf(rs.getString("method")),
                YearMonth.from(rs.getObject("history_from", LocalDate.class)), rs.getInt("history_months"),
                (Double) rs.getObject("alpha"), (Double) rs.getObject("beta"), (Double) rs.getObject("gamma"),
                (Double) rs.getObject("level"), (Double) rs.getObject("trend"), seasonals, (Double) rs.getObject("sse"),
                bm == null ? null : Method.valueOf(bm), (Double) rs.getObject("backtest_mape"),
                rs.getInt("backtest_months"), List.of(), List.of(), List.of(), List.of());
    }
}
