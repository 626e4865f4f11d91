-- 0008_overview_summaries: the dashboard's overview counted every event of the store on each visit
-- (events per month and quad class: 2.6 s on a million events; the most active pairs: 0.3 s). Two
-- summary tables hold those counts instead, exact, kept by Store.add as each article is stored
-- (store/summaries.py) and filled here from the events already stored. A modality stored as NULL
-- is kept as 'asserted', which is what it counts as.
CREATE TABLE event_months (
    month TEXT NOT NULL,            -- substr(date, 1, 7): '2024-03', or '2024' for a date of a year only
    quad_class INTEGER NOT NULL,
    modality TEXT NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (month, quad_class, modality)
);
CREATE TABLE event_pairs (
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,
    modality TEXT NOT NULL,
    events INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    PRIMARY KEY (modality, source_code, target_code)
);
-- the most active pairs of one modality, in the order the overview lists them
CREATE INDEX event_pairs_most ON event_pairs (modality, events DESC, source_code, target_code);
-- the map's places (browse.locations) are read from the located events only, in their group order,
-- and each place's feature from the places of that name and position
CREATE INDEX events_located ON events (location_name, location_country, lat, lon, modality)
    WHERE lat IS NOT NULL AND lon IS NOT NULL;
CREATE INDEX places_position ON places (name, lat, lon, feature);
