-- The holiday calendar of the alert scan (docs/insight.md, "Alerts"): days that are 法定节假日 (public holidays,
-- including the days moved into a holiday by 调休) and 调休 working days (a Saturday or Sunday worked instead).
-- holiday_default holds the State Council's dates, the same for every hospital (a reference table, see
-- shared.db.Distribution); a hospital that keeps its own list for a year has a row in holiday_year, and then
-- its rows in holiday replace the defaults of that year entirely.
--
-- Defaults, from the State Council General Office's notices:
--   2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 12 November 2024)
--   2026: 国务院办公厅关于2026年部分节假日安排的通知 (published 4 November 2025)
--   2027: not included. We could not find and verify the notice for 2027; a hospital enters that year's days on
--         the holiday page once the notice is published (or a later migration adds them as defaults).

CREATE TABLE holiday_default (
    day  date        PRIMARY KEY,
    kind varchar(16) NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name varchar(40) NOT NULL
);

CREATE TABLE holiday_year (
    hospital_id bigint      NOT NULL REFERENCES hospital (id),
    year        int         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    edited_by   varchar(64) NOT NULL,
    edited_at   timestamptz NOT NULL,
    PRIMARY KEY (hospital_id, year)
);

CREATE TABLE holiday (
    hospital_id bigint      NOT NULL,
    day         date        NOT NULL,
    kind        varchar(16) NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name        varchar(40) NOT NULL,
    PRIMARY KEY (hospital_id, day)
);

-- names are keys of the holiday (insight.holiday.name.* in the bundles); a hospital's own names are shown as written
INSERT INTO holiday_default (day, kind, name) VALUES
    ('2025-01-01', 'HOLIDAY', 'NEW_YEAR'),
    ('2025-01-26', 'WORKDAY', 'SPRING_FESTIVAL'),
    ('2025-01-28', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2025-01-29', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2025-01-30', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2025-01-31', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2025-02-01', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2025-02-02', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2025-02-03', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2025-02-04', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2025-02-08', 'WORKDAY', 'SPRING_FESTIVAL'),
    ('2025-04-04', 'HOLIDAY', 'QINGMING'),
    ('2025-04-05', 'HOLIDAY', 'QINGMING'),
    ('2025-04-06', 'HOLIDAY', 'QINGMING'),
    ('2025-04-27', 'WORKDAY', 'LABOUR_DAY'),
    ('2025-05-01', 'HOLIDAY', 'LABOUR_DAY'),
    ('2025-05-02', 'HOLIDAY', 'LABOUR_DAY'),
    ('2025-05-03', 'HOLIDAY', 'LABOUR_DAY'),
    ('2025-05-04', 'HOLIDAY', 'LABOUR_DAY'),
    ('2025-05-05', 'HOLIDAY', 'LABOUR_DAY'),
    ('2025-05-31', 'HOLIDAY', 'DRAGON_BOAT'),
    ('2025-06-01', 'HOLIDAY', 'DRAGON_BOAT'),
    ('2025-06-02', 'HOLIDAY', 'DRAGON_BOAT'),
    ('2025-09-28', 'WORKDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-01', 'HOLIDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-02', 'HOLIDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-03', 'HOLIDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-04', 'HOLIDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-05', 'HOLIDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-06', 'HOLIDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-07', 'HOLIDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-08', 'HOLIDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2025-10-11', 'WORKDAY', 'NATIONAL_DAY_MID_AUTUMN'),
    ('2026-01-01', 'HOLIDAY', 'NEW_YEAR'),
    ('2026-01-02', 'HOLIDAY', 'NEW_YEAR'),
    ('2026-01-03', 'HOLIDAY', 'NEW_YEAR'),
    ('2026-01-04', 'WORKDAY', 'NEW_YEAR'),
    ('2026-02-14', 'WORKDAY', 'SPRING_FESTIVAL'),
    ('2026-02-15', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-16', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-17', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-18', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-19', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-20', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-21', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-22', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-23', 'HOLIDAY', 'SPRING_FESTIVAL'),
    ('2026-02-28', 'WORKDAY', 'SPRING_FESTIVAL'),
    ('2026-04-04', 'HOLIDAY', 'QINGMING'),
    ('2026-04-05', 'HOLIDAY', 'QINGMING'),
    ('2026-04-06', 'HOLIDAY', 'QINGMING'),
    ('2026-05-01', 'HOLIDAY', 'LABOUR_DAY'),
    ('2026-05-02', 'HOLIDAY', 'LABOUR_DAY'),
    ('2026-05-03', 'HOLIDAY', 'LABOUR_DAY'),
    ('2026-05-04', 'HOLIDAY', 'LABOUR_DAY'),
    ('2026-05-05', 'HOLIDAY', 'LABOUR_DAY'),
    ('2026-05-09', 'WORKDAY', 'LABOUR_DAY'),
    ('2026-06-19', 'HOLIDAY', 'DRAGON_BOAT'),
    ('2026-06-20', 'HOLIDAY', 'DRAGON_BOAT'),
    ('2026-06-21', 'HOLIDAY', 'DRAGON_BOAT'),
    ('2026-09-20', 'WORKDAY', 'NATIONAL_DAY'),
    ('2026-09-25', 'HOLIDAY', 'MID_AUTUMN'),
    ('2026-09-26', 'HOLIDAY', 'MID_AUTUMN'),
    ('2026-09-27', 'HOLIDAY', 'MID_AUTUMN'),
    ('2026-10-01', 'HOLIDAY', 'NATIONAL_DAY'),
    ('2026-10-02', 'HOLIDAY', 'NATIONAL_DAY'),
    ('2026-10-03', 'HOLIDAY', 'NATIONAL_DAY'),
    ('2026-10-04', 'HOLIDAY', 'NATIONAL_DAY'),
    ('2026-10-05', 'HOLIDAY', 'NATIONAL_DAY'),
    ('2026-10-06', 'HOLIDAY', 'NATIONAL_DAY'),
    ('2026-10-07', 'HOLIDAY', 'NATIONAL_DAY'),
    ('2026-10-10', 'WORKDAY', 'NATIONAL_DAY');
