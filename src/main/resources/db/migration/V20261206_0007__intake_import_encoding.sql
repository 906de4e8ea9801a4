-- What reading an import file found out (docs/intake.md, Imports): the text encoding a CSV file was read in
-- (UTF-8, UTF-16LE/BE with a byte-order mark, or GB18030 as Chinese Excel saves CSV; null for XLSX and for imports
-- made before this was kept), the hospital time zone in which times without offset were read, and how many rows
-- gave their time that way.
ALTER TABLE intake_import
    ADD COLUMN encoding    text,
    ADD COLUMN time_zone   text,
    ADD COLUMN local_times integer NOT NULL DEFAULT 0;
