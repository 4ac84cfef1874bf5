-- 0002 ingestion: what the mailbox worker and the reference import keep beyond the core schema.

-- The workers (`wlz run`) that use this database: one row per process, refreshed while it runs, so an operator (and
-- `wlz status`) sees who is alive, what it has in hand and what it did last. A worker that died keeps its row with an old
-- heartbeat_at; nothing depends on it (files are claimed by advisory locks, which die with the connection).
--
-- state:
--   starting   the process started and is reaching the database
--   idle       waiting for files
--   processing current_file is in hand
--   stopped    ended gracefully (SIGTERM, --once done)
-- current_file and last_file are file names only: never personal data.
CREATE TABLE worker (
    worker_id       text        PRIMARY KEY,       -- host:pid:start time, unique per process
    host            text        NOT NULL,
    pid             integer     NOT NULL,
    started_at      timestamptz NOT NULL,
    heartbeat_at    timestamptz NOT NULL,
    state           text        NOT NULL,
    inbox           text        NOT NULL,
    current_file    text,
    files_done      bigint      NOT NULL DEFAULT 0,
    last_file       text,
    last_file_at    timestamptz,
    CONSTRAINT worker_state_check CHECK (state IN ('starting', 'idle', 'processing', 'stopped'))
);

-- Every file of every `wlz reference import`, also those that changed nothing or were refused: reference_import (0001)
-- holds only the version in force per table; this is its history, for an operator asking when a table last changed and
-- why an import did not take.
CREATE TABLE reference_import_log (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name    text        NOT NULL,
    file_name     text        NOT NULL,
    sha256        bytea       NOT NULL,
    outcome       text        NOT NULL,
    row_count     integer     NOT NULL,
    problem_count integer     NOT NULL DEFAULT 0,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reference_import_log_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT reference_import_log_outcome_check CHECK (outcome IN ('imported', 'unchanged', 'invalid'))
);

CREATE INDEX reference_import_log_table ON reference_import_log (table_name, imported_at);

-- How long a file took from its first read to its commit, in milliseconds (claimed_by says who): the operators' report and
-- the throughput figures read it. NULL for rows written before this migration.
ALTER TABLE vektis_file ADD COLUMN processing_ms integer;
