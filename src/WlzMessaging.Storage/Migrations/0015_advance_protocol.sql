-- Which protocol computed each year of a run (specs/funding.md, "The protocol file"): its label ("vgz-wlz 2024 v1") and
-- the SHA-256 of the file, so a statement names it and a protocol changed after the run is seen not to be the one used.
-- Runs stored before this migration have no rows: they were computed with the built-in VGZ 2024 numbers.
CREATE TABLE advance_run_protocol (
    run_date date     NOT NULL REFERENCES advance_run ON DELETE CASCADE,
    year     smallint NOT NULL,
    label    text     NOT NULL,
    sha256   text     NOT NULL,
    PRIMARY KEY (run_date, year),
    CONSTRAINT advance_run_protocol_label_check CHECK (btrim(label) <> ''),
    CONSTRAINT advance_run_protocol_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

-- Part of the run: written only while the run is a draft, like its items.
CREATE TRIGGER advance_run_protocol_immutable BEFORE INSERT OR UPDATE OR DELETE ON advance_run_protocol
    FOR EACH ROW EXECUTE FUNCTION advance_run_part_immutable();
