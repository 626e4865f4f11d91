-- 0009_dyad_days: a dyad's series (GET /v1/dyads/{a}/{b}/series, whodid dyad) grouped the events of
-- the pair into periods on each request: USA and CHN by day, in the benchmark's million events,
-- 12,655 events a direction, 13 ms a direction through a temporary B-tree. This summary holds the
-- counts per day instead, exact, kept by Store.add as each article is stored (store/summaries.py)
-- and filled here from the events already stored. It is keyed by the first segment of each code
-- (the country, or IGO, NGO...), which is what a three-letter argument matches (USA: USA, USAGOV,
-- USAMIL...); a modality stored as NULL is kept as 'asserted' and a missing date as ''. WITHOUT
-- ROWID is left out on PostgreSQL (store/db.py migration_sql).
CREATE TABLE dyad_days (
    source_root TEXT NOT NULL,      -- substr(source_code, 1, 3)
    target_root TEXT NOT NULL,      -- substr(target_code, 1, 3)
    modality TEXT NOT NULL,
    date TEXT NOT NULL,             -- the events' date as stored ('2024-03-06', '2024-03', '2024'), or ''
    events INTEGER NOT NULL,
    verbal_coop INTEGER NOT NULL,   -- of them, those of each quad class
    material_coop INTEGER NOT NULL,
    verbal_conflict INTEGER NOT NULL,
    material_conflict INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    PRIMARY KEY (source_root, target_root, modality, date)
) WITHOUT ROWID;  -- SQLite: the rows are the key's B-tree, so a dyad's days are read in one range
