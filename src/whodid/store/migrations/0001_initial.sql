-- 0001_initial: articles with their coded record, and the rows analysts query.
-- Every coded item keeps its article and its character offsets into the article's exact text.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,          -- "sha256-" + 16 hex digits of the text: the same text is stored once
    source_id TEXT,               -- the id the input gave, if any
    published TEXT,               -- YYYY-MM-DD or NULL
    title TEXT,
    source TEXT,
    url TEXT,
    origin TEXT NOT NULL,         -- where it was read: file, or file:line
    text TEXT NOT NULL,
    record TEXT NOT NULL,         -- the whodid.article/1 JSON object
    whodid_version TEXT NOT NULL
);
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    code TEXT,
    description TEXT,
    rule TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    source_actor TEXT,
    source_country TEXT,
    source_code TEXT,
    source_text TEXT,
    target_actor TEXT,
    target_country TEXT,
    target_code TEXT,
    target_text TEXT,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    plover TEXT,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    date_source TEXT NOT NULL,
    location_name TEXT,
    location_country TEXT,
    lat REAL,
    lon REAL,
    modality TEXT NOT NULL,
    background INTEGER NOT NULL,
    sentence_idx INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    rule TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX events_dyad ON events (source_country, target_country, date);
CREATE INDEX events_cameo ON events (cameo_root, date);
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    speaker_actor TEXT,
    speaker_country TEXT,
    speaker_text TEXT,
    rule TEXT,
    confidence REAL,
    PRIMARY KEY (article_id, quote_id)
);
CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    name TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    feature TEXT,
    geonameid INTEGER,
    rule TEXT,
    confidence REAL,
    PRIMARY KEY (article_id, idx)
);
