-- 0002_event_clusters: reports of one real event grouped into one cluster, each join explained.
CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY,
    source_key TEXT NOT NULL,     -- source code at country + sector level (USAGOV)
    target_key TEXT NOT NULL,     -- target code at country + sector level, '' when none
    cameo_root TEXT NOT NULL,
    first_day TEXT,               -- earliest day any member's date can mean (YYYY-MM-DD)
    last_day TEXT,                -- latest day
    location_country TEXT,        -- the members' location country, when one is known
    mentions INTEGER NOT NULL,    -- member events
    stories INTEGER NOT NULL,     -- distinct articles
    sources INTEGER NOT NULL,     -- distinct publishers (article source, else URL host, else article)
    goldstein REAL NOT NULL,
    quad_class INTEGER NOT NULL
);
CREATE INDEX event_clusters_key ON event_clusters (source_key, target_key, cameo_root, first_day);
ALTER TABLE events ADD COLUMN cluster_id INTEGER REFERENCES event_clusters(id);
ALTER TABLE events ADD COLUMN cluster_reason TEXT;
CREATE INDEX events_cluster ON events (cluster_id);
