package org.meridian.insight.api;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import org.meridian.insight.forecast.Forecast;
import org.meridian.insight.forecast.ForecastBook;
import org.meridian.insight.forecast.ForecastRun;
import org.meridian.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored forecasts on the API (docs/insight.md "Forecasts"): one channel's for the hospital's staff (ANALYST and
 * above) and for the channel's own user (another channel answers 404), the whole hospital's for ANALYST and above.
 * Nothing is computed by a read; before the first computation the list is empty and {@code computedAt} null.
 */
@RestController
class ForecastsApi {

    private final ForecastBook book;

    ForecastsApi(ForecastBook book) {
        this.book = book;
    }

    record MonthView(YearMonth month, double mean, Double lower80, Double upper80, Double lower95, Double upper95) {
    }

    record Parameters(Double alpha, Double beta, Double gamma, Double level, Double trend, double[] seasonals,
                      Double sse) {
    }

    record Backtest(String method, Double mape, int months, List<MonthView> forecast) {
    }

    record ForecastView(String measure, String method, YearMonth historyFrom, YearMonth historyTo, int historyMonths,
                        Parameters parameters, Backtest backtest, List<MonthView> months) {

        static ForecastView of(Forecast f) {
            return new ForecastView(f.measure().name(), f.method().name(), f.historyFrom(), f.historyTo(),
                    f.historyMonths(), new Parameters(f.alpha(), f.beta(), f.gamma(), f.level(), f.trend(),
                    f.seasonals(), f.sse()),
                    f.backtestMethod() == null ? null : new Backtest(f.backtestMethod().name(), f.backtestMape(),
                            f.backtestMonths(), months(f.backtest())),
                    months(f.ahead()));
        }

        private static List<MonthView> months(List<Forecast.Month> months) {
            return months.stream().map(m -> new MonthView(m.month(), m.value(), m.lower80(), m.upper80(),
                    m.lower95(), m.upper95())).toList();
        }
    }

    record Answer(String channel, String channelName, OffsetDateTime computedAt, String computedBy,
                  YearMonth lastMonth, Integer horizon, List<ForecastView> forecasts) {

        static Answer of(String code, String name, ForecastRun run, List<Forecast> forecasts) {
            return new Answer(code, name, run == null ? null : run.computedAt(),
                    run == null ? null : run.computedBy(), run == null ? null : run.lastMonth(),
                    run == null ? null : run.horizon(), forecasts.stream().map(ForecastView::of).toList());
        }
    }

    @GetMapping("/api/v1/channels/{code}/forecasts")
    @PreAuthorize("hasAnyRole('ANALYST', 'CHANNEL_USER')")
    Answer ofChannel(Actor actor, @PathVariable String code) {
        ForecastBook.ChannelForecasts found = book.channel(actor, code);
        return Answer.of(found.channel().code(), found.channel().name(), book.run(actor).orElse(null),
                found.forecasts());
    }

    @GetMapping("/api/v1/forecasts")
    @PreAuthorize("hasRole('ANALYST')")
    Answer ofHospital(Actor actor) {
        return Answer.of(null, null, book.run(actor).orElse(null), book.hospital(actor));
    }
}
