-- 0007_event_list_indexes: the event list (GET /v1/events, the events page) is newest first, and a
-- page of it ends after LIMIT rows. events_newest holds that order (query.MENTION_ORDER, expression
-- by expression) and every column a filter reads but the actor's words, so a page is read from its
-- start, its filters checked in the index, instead of sorting every matching event (a million, for
-- a list without filters); browse._newest_first says when. events_target serves a filter on the
-- target alone and the check that a code is stored as a target (codes.resolve), which read the
-- whole table.
CREATE INDEX events_newest ON events ((date IS NULL), date DESC, article_id, (length(event_id)), event_id,
    source_code, target_code, cameo, cameo_root, quad_class, confidence, modality, background, cluster_id);
CREATE INDEX events_target ON events (target_code, source_code);
