-- 0005_dyad_filters: a dyad counts asserted events at or above a confidence floor by default (issue
-- 11); the covering index of 0003 now also holds the modality, background and confidence it filters
-- on, so a dyad summary still reads the index alone.
CREATE INDEX events_codes_filtered ON events (source_code, target_code, date, quad_class, goldstein, cluster_id, modality, background, confidence);
DROP INDEX events_codes;
