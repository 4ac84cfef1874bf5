-- 0031 files in hand: a worker stores up to Worker:FilesAtOnce files at once (specs/ingestion.md, "Files at once").
-- current_file/current_since stay the oldest file in hand; also_in_hand names the others, in the order they were taken, so
-- wlz status, the dashboard and the metrics count the same files.
ALTER TABLE worker_status ADD COLUMN also_in_hand text[] NOT NULL DEFAULT '{}';
ALTER TABLE worker_status ADD CONSTRAINT worker_status_also_in_hand_check
    CHECK (cardinality(also_in_hand) = 0 OR current_file IS NOT NULL);
