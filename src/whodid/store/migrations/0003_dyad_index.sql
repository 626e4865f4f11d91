-- 0003_dyad_index: dyad queries and --source/--target filters match code prefixes as ranges;
-- this index serves them and holds what a dyad summary adds up (per mention or per cluster), so
-- the table itself is not read.
CREATE INDEX events_codes ON events (source_code, target_code, date, quad_class, goldstein, cluster_id);
