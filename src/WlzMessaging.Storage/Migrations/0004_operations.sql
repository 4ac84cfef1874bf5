-- 0004 operations: what the operators' views (wlz report, wlz status, wlz feedback, the dashboard) read that the earlier
-- migrations do not hold: the declaration period of a file, the workers' heartbeats and the nightly runs.
--
-- Depends only on 0001; 0002 and 0003 are other work that lands beside this one.

-- 0115 EINDDATUM DECLARATIEPERIODE of the file's 01 record: the month the file declares. A file received more than 17
-- working days after the end of that month is late (Werkdagen.IsLaat). NULL when the file could not be read that far, and
-- for files stored before ingestion filled it: the report counts those as "period unknown", never as on time.
ALTER TABLE vektis_file ADD COLUMN period_end date;

-- The reports select files by the day they arrived, the dashboard by the time their outcome committed. vektis_file has a
-- row per file, not per line: these indexes cost nothing that matters on the write path.
CREATE INDEX vektis_file_received_on ON vektis_file (received_on);
CREATE INDEX vektis_file_finished_at ON vektis_file (finished_at) WHERE finished_at IS NOT NULL;

-- One row per worker process (`wlz run`), upserted every interval_seconds by WorkerHeartbeatStore. A row whose seen_at is
-- older than twice its interval belongs to a worker that is not running (killed, host down), whatever its state says.
--
-- state:
--   starting    the process is up and preparing (migrations, reference snapshot)
--   idle        waiting for files
--   processing  working on current_file
--   stopping    shutting down gracefully
--   stopped     shut down gracefully; the row stays so `wlz status` can say when
--
-- inbox is the number of files waiting in the inbox when the worker last looked (NULL: not counted). current_file is the
-- file name (never a path outside the inbox, never content). Nothing here is personal data.
CREATE TABLE worker_heartbeat (
    worker_id        text        PRIMARY KEY,
    host             text        NOT NULL,
    pid              integer     NOT NULL,
    started_at       timestamptz NOT NULL,
    seen_at          timestamptz NOT NULL,
    interval_seconds integer     NOT NULL,
    inbox            integer,
    current_file     text,
    state            text        NOT NULL,
    CONSTRAINT worker_heartbeat_state_check CHECK (state IN ('starting', 'idle', 'processing', 'stopping', 'stopped')),
    CONSTRAINT worker_heartbeat_interval_check CHECK (interval_seconds > 0),
    CONSTRAINT worker_heartbeat_inbox_check CHECK (inbox IS NULL OR inbox >= 0)
);

-- One row per nightly reprocessing date (`wlz nightly [--date D]` and the job inside `wlz run`). started_at is set when a
-- run begins, finished_at and report when it committed; a row with finished_at NULL is a run in progress or one that was
-- interrupted. Running the same date again updates its row. report is the run's own summary (counts per kind and per
-- provider) as JSON, shown as is by `wlz status` and the dashboard: it holds no BSN, name or birth date.
CREATE TABLE nightly_run (
    run_date    date        PRIMARY KEY,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    report      jsonb,
    CONSTRAINT nightly_run_finished_check CHECK (finished_at IS NULL OR finished_at >= started_at)
);
