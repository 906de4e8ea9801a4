-- Forecasts (预测, docs/insight.md "Forecasts"): the latest computation of each hospital, one row per channel (or the
-- whole hospital: channel_id empty) and measure with the method and parameters used and last year's back-test, and
-- the months of each forecast: the history it was fitted on, the fit over it, the months ahead with their 80 % and 95 % bands, and the
-- back-test's forecasts of the year that has since happened. A recomputation replaces the hospital's rows.

CREATE TABLE insight_forecast_run (
    hospital_id  bigint      NOT NULL,
    last_month   date        NOT NULL,
    horizon      int         NOT NULL CHECK (horizon BETWEEN 1 AND 12),
    channels     int         NOT NULL,
    computed_at  timestamptz NOT NULL,
    computed_by  varchar(64) NOT NULL,
    PRIMARY KEY (hospital_id)
);

CREATE TABLE insight_forecast (
    hospital_id      bigint           NOT NULL,
    id               bigint GENERATED ALWAYS AS IDENTITY,
    channel_id       bigint,
    measure          varchar(20)      NOT NULL CHECK (measure IN ('REFERRALS', 'ARRIVALS', 'CONVERSIONS', 'REVENUE')),
    method           varchar(24)      NOT NULL
        CHECK (method IN ('HOLT_WINTERS', 'SEASONAL_NAIVE', 'SIMPLE_EXPONENTIAL', 'MEAN')),
    history_from     date             NOT NULL,
    history_months   int              NOT NULL,
    alpha            double precision,
    beta             double precision,
    gamma            double precision,
    level            double precision,
    trend            double precision,
    seasonals        double precision[],
    sse              double precision,
    backtest_method  varchar(24)
        CHECK (backtest_method IN ('HOLT_WINTERS', 'SEASONAL_NAIVE', 'SIMPLE_EXPONENTIAL', 'MEAN')),
    backtest_mape    double precision,
    backtest_months  int              NOT NULL DEFAULT 0,
    PRIMARY KEY (hospital_id, id),
    UNIQUE NULLS NOT DISTINCT (hospital_id, channel_id, measure),
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id)
);

CREATE TABLE insight_forecast_month (
    hospital_id  bigint           NOT NULL,
    forecast_id  bigint           NOT NULL,
    kind         varchar(8)       NOT NULL CHECK (kind IN ('HISTORY', 'FIT', 'AHEAD', 'BACKTEST')),
    month        date             NOT NULL,
    value        double precision NOT NULL,
    lower80      double precision,
    upper80      double precision,
    lower95      double precision,
    upper95      double precision,
    PRIMARY KEY (hospital_id, forecast_id, kind, month),
    FOREIGN KEY (hospital_id, forecast_id) REFERENCES insight_forecast (hospital_id, id) ON DELETE CASCADE
);
