-- Every batch rewrites the series it changes. With room left in each page and no index over the columns it
-- writes, PostgreSQL updates a row in its page without touching any index (a HOT update). The partial index
-- of series awaiting an actual named the current target and actual in its predicate, so every write of
-- one also inserted index entries; its one remaining reader, the overdue review once a minute, scans the
-- table, which holds one row per region, indicator and year.
DROP INDEX series_awaiting_actual;
ALTER TABLE series SET (fillfactor = 70);
