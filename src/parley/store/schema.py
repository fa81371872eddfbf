"""The store's schema as versioned migrations, plain SQL text applied in order.

Each migration moves a database from version N-1 to N and is recorded in `schema_version`. A new
Parley appends a migration; it never edits one that has shipped. docs/store.md documents every
table and column of the latest version.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, events, event clusters and their mentions, errors, settings",
        """
CREATE TABLE articles (
    id              VARCHAR PRIMARY KEY,
    content_hash    VARCHAR NOT NULL,
    title           VARCHAR,
    url             VARCHAR,
    publisher       VARCHAR,
    published       DATE,
    text            VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,
    n_events        INTEGER NOT NULL,
    ingest_seq      BIGINT NOT NULL,
    coded_at        TIMESTAMP NOT NULL,
    lexicon_version VARCHAR,
    schema_version  VARCHAR
);

CREATE TABLE events (
    event_id        VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER,
    trigger_text    VARCHAR,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    source_text     VARCHAR,
    source_start    INTEGER,
    source_end      INTEGER,
    source_code     VARCHAR,
    source_name     VARCHAR,
    source_country  VARCHAR,
    source_sector   VARCHAR,
    target_text     VARCHAR,
    target_start    INTEGER,
    target_end      INTEGER,
    target_code     VARCHAR,
    target_name     VARCHAR,
    target_country  VARCHAR,
    target_sector   VARCHAR,
    cameo           VARCHAR NOT NULL,
    cameo_root      VARCHAR NOT NULL,
    cameo_name      VARCHAR,
    plover          VARCHAR,
    plover_mode     VARCHAR,
    quad            TINYINT,
    goldstein       DOUBLE,
    negated         BOOLEAN NOT NULL,
    modality        VARCHAR,
    date            DATE,
    date_precision  VARCHAR,
    date_basis      VARCHAR,
    location_name   VARCHAR,
    location_country VARCHAR,
    location_lat    DOUBLE,
    location_lon    DOUBLE,
    speaker_text    VARCHAR,
    speaker_code    VARCHAR,
    cue             VARCHAR,
    reported_by     VARCHAR[],
    hedged          BOOLEAN NOT NULL,
    quoted          BOOLEAN NOT NULL,
    object_text     VARCHAR,
    object_start    INTEGER,
    object_end      INTEGER,
    evidence_text   VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    rule            VARCHAR,
    version         VARCHAR,
    event_json      JSON NOT NULL
);
CREATE INDEX events_article ON events (article_id);

CREATE TABLE event_clusters (
    cluster_id      VARCHAR PRIMARY KEY,
    source_code     VARCHAR,
    target_code     VARCHAR,
    cameo_root      VARCHAR NOT NULL,
    negated         BOOLEAN NOT NULL,
    anchor_date     DATE,
    location_name   VARCHAR,
    location_country VARCHAR,
    location_lat    DOUBLE,
    location_lon    DOUBLE,
    cameo           VARCHAR,
    cameo_name      VARCHAR,
    plover          VARCHAR,
    quad            TINYINT,
    goldstein       DOUBLE,
    source_name     VARCHAR,
    target_name     VARCHAR,
    date_start      DATE,
    date_end        DATE,
    first_reported  DATE,
    n_mentions      INTEGER NOT NULL,
    n_articles      INTEGER NOT NULL,
    n_sources       INTEGER NOT NULL,
    n_hedged        INTEGER NOT NULL
);

CREATE TABLE cluster_mentions (
    event_id        VARCHAR PRIMARY KEY,
    cluster_id      VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    publisher       VARCHAR,
    published       DATE,
    date            DATE,
    speaker_text    VARCHAR,
    speaker_code    VARCHAR,
    cue             VARCHAR,
    reported_by     VARCHAR[],
    hedged          BOOLEAN NOT NULL,
    quoted          BOOLEAN NOT NULL
);
CREATE INDEX cluster_mentions_cluster ON cluster_mentions (cluster_id);
CREATE INDEX cluster_mentions_article ON cluster_mentions (article_id);

CREATE TABLE errors (
    error_id        VARCHAR PRIMARY KEY,
    article_id      VARCHAR,
    source          VARCHAR,
    line            INTEGER,
    step            VARCHAR NOT NULL,
    message         VARCHAR NOT NULL,
    "at"            TIMESTAMP NOT NULL
);

CREATE TABLE settings (
    key             VARCHAR PRIMARY KEY,
    value           VARCHAR NOT NULL
);
INSERT INTO settings VALUES ('cluster_window_days', '1'), ('cluster_distance_km', '100');
""",
    ),
    Migration(
        2,
        "events: what kind of place an event's location is, where in the text it was found, and whether the "
        "event is political-event data",
        """
ALTER TABLE events ADD COLUMN location_kind VARCHAR;
ALTER TABLE events ADD COLUMN location_basis VARCHAR;
ALTER TABLE events ADD COLUMN relevant BOOLEAN;
""",
    ),
    Migration(
        3,
        "events: whether the text asserts the act happened, the event whose content or condition it is, and "
        "whether it is told as earlier history; clusters: whether their events are factual, what kind of "
        "place theirs is",
        """
ALTER TABLE events ADD COLUMN factual BOOLEAN;
ALTER TABLE events ADD COLUMN carried_by VARCHAR;
ALTER TABLE events ADD COLUMN background BOOLEAN;
UPDATE events SET factual = NOT negated AND (modality IS NULL
    OR (modality IN ('future', 'intent') AND cameo_root IN ('03', '13')));
UPDATE events SET background = false;
ALTER TABLE event_clusters ADD COLUMN factual BOOLEAN;
ALTER TABLE event_clusters ADD COLUMN location_kind VARCHAR;
ALTER TABLE event_clusters ADD COLUMN location_basis VARCHAR;
UPDATE event_clusters SET factual = NOT negated;
UPDATE event_clusters AS c SET factual = e.factual
FROM cluster_mentions m JOIN events e ON e.event_id = m.event_id WHERE m.cluster_id = c.cluster_id;
""",
    ),
    Migration(
        4,
        "applied_shards: the shards of a distributed ingest already merged into the store (a merge is idempotent)",
        """
CREATE TABLE applied_shards (
    shard_id        VARCHAR PRIMARY KEY,
    n_records       INTEGER NOT NULL,
    applied_at      TIMESTAMP NOT NULL
);
""",
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version

# Created before any migration runs, so the version can always be read.
VERSION_TABLE_SQL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL
)
"""
