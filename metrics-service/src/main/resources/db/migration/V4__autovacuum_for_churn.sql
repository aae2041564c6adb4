-- Every batch reads the firing alerts of its series and rewrites series, alert and outbox rows. The
-- planner needs statistics that follow that growth: with the default (analyze after 10% of the rows
-- change) it kept planning as for an empty table while a fresh table filled up, and scanned every firing
-- alert once per batch, 150-400 ms a batch under load (docs/benchmarks.md). Analyze these tables after a
-- small share of changes instead (analyze samples; it is cheap); autovacuum_naptime on the server sets how
-- soon. Vacuum keeps PostgreSQL's defaults: run as often, it cost more latency than it saved.
ALTER TABLE alert SET (autovacuum_analyze_threshold = 500, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE alert_outbox SET (autovacuum_analyze_threshold = 500, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE series SET (autovacuum_analyze_threshold = 500, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE figure_event SET (autovacuum_analyze_threshold = 500, autovacuum_analyze_scale_factor = 0.02);
