-- 0006_event_location_precision: how precise an event's location is (city, region or country) and the
-- rule that placed it (clause, sentence or dateline, with :part-of, :near, :direction-of), as the
-- coder writes them in events[].location (issue 11); the GDELT export's geo types come from the first.
ALTER TABLE events ADD COLUMN location_precision TEXT;
ALTER TABLE events ADD COLUMN location_rule TEXT;
-- the located events stored before this migration are filled from their article's stored record by
-- whodid.store.db (BACKFILL[6]: store/locations.py), which reads the JSON SQL cannot read alike on both
-- back-ends; records coded before whodid wrote a precision keep NULL.
