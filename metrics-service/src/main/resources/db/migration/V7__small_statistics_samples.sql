-- ANALYZE reads 300 rows per unit of a table's largest column statistics target: 30,000 rows by default.
-- figure_event and alert grow with every figure and alert change, so autovacuum analyzes each of them about
-- once a naptime under load (V4), and with rows this wide each pass took 0.3-0.4 s of a core (a benchmark's
-- database: 2.3 million figures, 121,000 alerts); at a target of 10 it takes about 30 ms. Their lookups need
-- no more: figures by key or by series, alerts by fingerprint, series and state, each column with few
-- distinct values or unique. A column added to either table later needs the same, or it brings the large
-- sample back (SchemaIntegrationTests checks).
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name IN ('figure_event', 'alert')
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET STATISTICS 10', c.table_name, c.column_name);
    END LOOP;
END
$$;
