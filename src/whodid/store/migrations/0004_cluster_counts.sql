-- 0004_cluster_counts: what a cluster needs to count a new report without reading its other
-- reports again (a cluster of thousands of reports grows in constant time per report).
CREATE TABLE cluster_sources (
    cluster_id INTEGER NOT NULL REFERENCES event_clusters(id),
    publisher TEXT NOT NULL,      -- as counted in event_clusters.sources (see clusters.publisher)
    PRIMARY KEY (cluster_id, publisher)
);
ALTER TABLE event_clusters ADD COLUMN day_precise INTEGER NOT NULL DEFAULT 0;  -- has a day-dated report
UPDATE event_clusters SET day_precise = 1 WHERE EXISTS (
    SELECT 1 FROM events e WHERE e.cluster_id = event_clusters.id AND e.date_precision = 'day'
);
CREATE INDEX events_cluster_article ON events (cluster_id, article_id);
DROP INDEX events_cluster;
-- cluster_sources of clusters stored before this migration are filled by whodid.store.db
-- (BACKFILL[4]): a publisher is read from the article's source or URL host, which SQL cannot.
