-- chronicler's embedded event store (DuckDB). One row per thing; keys between tables.
-- `producer` names the chronicler version and configuration that made each article's rows.
-- Keys: every per-article table has article_key -> articles.article_key; mentions.actor_id ->
-- actors; place_mentions.place_no -> places; story_events -> stories and events. They are not
-- declared as FOREIGN KEYs because DuckDB cannot delete a parent and its children in one
-- transaction (needed by --force); ingest writes each article's rows in one transaction.
CREATE TABLE IF NOT EXISTS producers (
    producer     VARCHAR PRIMARY KEY,
    version      VARCHAR NOT NULL,
    config       JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    article_key  VARCHAR PRIMARY KEY,      -- content hash of the article text
    id           VARCHAR NOT NULL,         -- the article's own id (file name, JSONL id, URL)
    title        VARCHAR,
    author       VARCHAR,
    published    DATE,
    source       VARCHAR,
    url          VARCHAR,
    language     VARCHAR,
    n_words      INTEGER,
    text         VARCHAR,
    producer     VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (
    article_key  VARCHAR NOT NULL,
    actor_id     VARCHAR NOT NULL,
    name         VARCHAR,
    country      VARCHAR,
    sector       VARCHAR,
    role         VARCHAR,
    n_mentions   INTEGER,
    PRIMARY KEY (article_key, actor_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_key  VARCHAR NOT NULL,
    actor_id     VARCHAR NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    article_key     VARCHAR NOT NULL,
    quote_no        INTEGER NOT NULL,
    kind            VARCHAR,
    text            VARCHAR,
    start           INTEGER,
    "end"           INTEGER,
    cue             VARCHAR,
    speaker_name    VARCHAR,
    speaker_text    VARCHAR,
    speaker_actor   VARCHAR,
    speaker_country VARCHAR,
    speaker_sector  VARCHAR,
    PRIMARY KEY (article_key, quote_no)
);
CREATE TABLE IF NOT EXISTS events (
    article_key      VARCHAR NOT NULL,
    event_id         VARCHAR NOT NULL,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    context          VARCHAR,             -- comma-separated PLOVER contexts
    cameo            VARCHAR,
    source_name      VARCHAR,
    source_actor     VARCHAR,
    source_country   VARCHAR,
    source_sector    VARCHAR,
    target_name      VARCHAR,
    target_actor     VARCHAR,
    target_country   VARCHAR,
    target_sector    VARCHAR,
    location_name    VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    location_country VARCHAR,
    date             DATE,
    date_text        VARCHAR,
    modality         VARCHAR,
    reported_by      VARCHAR,
    confidence       DOUBLE,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    evidence_text    VARCHAR,
    PRIMARY KEY (article_key, event_id)
);
CREATE TABLE IF NOT EXISTS places (
    article_key  VARCHAR NOT NULL,
    place_no     INTEGER NOT NULL,
    name         VARCHAR,
    lat          DOUBLE,
    lon          DOUBLE,
    country      VARCHAR,
    admin1       VARCHAR,
    feature      VARCHAR,
    geonameid    BIGINT,
    n_mentions   INTEGER,
    literal      BOOLEAN,
    PRIMARY KEY (article_key, place_no)
);
CREATE TABLE IF NOT EXISTS place_mentions (
    article_key  VARCHAR NOT NULL,
    place_no     INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         VARCHAR,
    use          VARCHAR
);
-- Stories: the same real-world event reported by several articles (PLOVER `link`).
-- Rebuilt from the events table after every ingest, so they never depend on ingest order.
CREATE TABLE IF NOT EXISTS story_events (
    story_id     VARCHAR NOT NULL,
    article_key  VARCHAR NOT NULL,
    event_id     VARCHAR NOT NULL,
    PRIMARY KEY (article_key, event_id)
);
CREATE TABLE IF NOT EXISTS stories (
    story_id     VARCHAR PRIMARY KEY,
    type         VARCHAR,
    source_key   VARCHAR,
    target_key   VARCHAR,
    first_date   DATE,
    last_date    DATE,
    n_articles   INTEGER,
    n_events     INTEGER,
    location     VARCHAR,
    lat          DOUBLE,
    lon          DOUBLE
);
