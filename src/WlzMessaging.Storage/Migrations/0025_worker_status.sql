-- 0025 worker status: one table for the workers (`wlz run`), in place of `worker` (0002: written by the worker, never
-- read) and `worker_heartbeat` (0004: read by `wlz status` and the dashboard, keyed machine:inbox, so two workers on one
-- machine and one inbox overwrote each other's row).
--
-- One row per worker process: worker_id is unique per process (host:pid:start time, the id the worker also writes as
-- vektis_file.claimed_by and processed_by). The worker writes its row when its state changes (before it takes a file and
-- after it finished one) and every interval_seconds beside that; a row whose seen_at is older than twice its interval
-- belongs to a worker that is not running (killed, host down), whatever its state says.
--
-- state:
--   starting    the process is up and preparing (database, migrations)
--   idle        waiting for files
--   processing  current_file is in hand since current_since
--   stopping    shutting down gracefully
--   stopped     shut down gracefully; the row stays so `wlz status` can say when
--
-- waiting is the number of files in the inbox waiting to be taken when the worker last looked, the file in hand not
-- counted (NULL: not counted yet). files_answered and files_quarantined count this process's files; last_file is the
-- last one it finished. revision grows with every change of the worker's state: a write carrying an older revision
-- than the row's (a periodic beat that lost a race with the worker's own write) changes nothing. File names only:
-- nothing here is personal data.
CREATE TABLE worker_status (
    worker_id         text        PRIMARY KEY,
    host              text        NOT NULL,
    pid               integer     NOT NULL,
    inbox             text,
    started_at        timestamptz NOT NULL,
    seen_at           timestamptz NOT NULL,
    interval_seconds  integer     NOT NULL,
    state             text        NOT NULL,
    waiting           integer,
    current_file      text,
    current_since     timestamptz,
    files_answered    bigint      NOT NULL DEFAULT 0,
    files_quarantined bigint      NOT NULL DEFAULT 0,
    last_file         text,
    last_file_at      timestamptz,
    revision          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT worker_status_state_check CHECK (state IN ('starting', 'idle', 'processing', 'stopping', 'stopped')),
    CONSTRAINT worker_status_interval_check CHECK (interval_seconds > 0),
    CONSTRAINT worker_status_waiting_check CHECK (waiting IS NULL OR waiting >= 0),
    CONSTRAINT worker_status_files_check CHECK (files_answered >= 0 AND files_quarantined >= 0),
    CONSTRAINT worker_status_current_check CHECK ((current_file IS NULL) = (current_since IS NULL))
);

CREATE INDEX worker_status_seen_at ON worker_status (seen_at);

-- The heartbeats as they were. Their key was host:inbox (the inbox a full path), so the inbox is what follows the
-- first ':'; inbox counted the file in hand among the waiting ones, so it is kept as it was (nothing better is known).
INSERT INTO worker_status (worker_id, host, pid, inbox, started_at, seen_at, interval_seconds, state, waiting, current_file, current_since)
SELECT worker_id, host, pid,
       CASE WHEN position(':' IN worker_id) > 0 THEN substr(worker_id, position(':' IN worker_id) + 1) END,
       started_at, seen_at, interval_seconds, state, inbox, current_file,
       CASE WHEN current_file IS NOT NULL THEN seen_at END
FROM worker_heartbeat;

-- The worker's own rows (host:pid:start, unique per process): their counts and last file. A row whose id a heartbeat
-- already took (not expected: the two keys have different forms) is merged into it.
INSERT INTO worker_status AS s (worker_id, host, pid, inbox, started_at, seen_at, interval_seconds, state, current_file, current_since,
                                files_answered, last_file, last_file_at)
SELECT worker_id, host, pid, inbox, started_at, heartbeat_at, 10, state, current_file,
       CASE WHEN current_file IS NOT NULL THEN heartbeat_at END, files_done, last_file, last_file_at
FROM worker
ON CONFLICT (worker_id) DO UPDATE SET
    files_answered = s.files_answered + excluded.files_answered,
    last_file = coalesce(s.last_file, excluded.last_file),
    last_file_at = coalesce(s.last_file_at, excluded.last_file_at),
    inbox = coalesce(s.inbox, excluded.inbox);

DROP TABLE worker_heartbeat;
DROP TABLE worker;
