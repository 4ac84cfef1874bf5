-- 0001 core schema: the files received, their lines and answers, and the reference data.
--
-- Conventions. Money is in eurocents as bigint; amounts that carry a D/C indicator in the AW319/AW320 are stored signed,
-- credit negative, so a SUM is the net total. AGB codes (8 digits) and BSNs (9 digits) fit an integer; codes whose leading
-- zeros matter (prestatiecodelijst 055, ZZP 000) stay text. Retourcodes (4 digits, COD954) are smallint: every code in use
-- is below 10000, and "0030" prints back with four digits. AN fields are stored without their padding spaces; a field of
-- spaces is NULL.

-- One row per received file: an AW319, or something that claimed to be one.
--
-- status:
--   claimed      a worker has taken it (claimed_by, claimed_at) and not finished; a claim older than any file takes is
--                stale (its worker died) and may be taken over
--   processed    adjudicated; its lines and its AW320 are stored in the same transaction that set this status
--   rejected     rejected as a whole ("technisch afgekeurd", 0001 and the specific code, 0030 for a repeated invoice); an
--                AW320 with only the 01 and 99 records answers it
--   quarantined  not a Vektis file at all: no AW320 can be formed (quarantine_reason says why)
CREATE TABLE vektis_file (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256            bytea       NOT NULL,
    file_name         text        NOT NULL,
    size_bytes        bigint      NOT NULL,
    -- The day it arrived in the mailbox: every "not in the future" check and the funding use it, never the clock.
    received_on       date        NOT NULL,
    status            text        NOT NULL,

    -- From the 01 record; NULL when the file could not be read that far.
    uzovi             smallint,
    provider_agb      integer,     -- 0112 INSTELLINGSCODE
    factuurnummer     text,        -- 0116
    soort_bericht     char(1),     -- 0105: P production, T test

    -- The outcome.
    retourcodes       smallint[]  NOT NULL DEFAULT '{}',  -- file-level codes of a rejected file, in slot order
    quarantine_reason text,
    line_count        integer     NOT NULL DEFAULT 0,     -- 04 records
    approved_count    integer     NOT NULL DEFAULT 0,
    rejected_count    integer     NOT NULL DEFAULT 0,
    declared_cents    bigint      NOT NULL DEFAULT 0,     -- net total ingediend (9907/9908)
    approved_cents    bigint      NOT NULL DEFAULT 0,     -- net total toegekend (9909/9910)

    -- Who works on it, and when. claimed_at is when processing began, finished_at when its outcome committed.
    claimed_by        text,
    claimed_at        timestamptz,
    finished_at       timestamptz,

    -- A byte-identical copy is the same file: it is answered with the earlier AW320, never stored twice.
    CONSTRAINT vektis_file_sha256_key UNIQUE (sha256),
    CONSTRAINT vektis_file_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT vektis_file_status_check CHECK (status IN ('claimed', 'processed', 'rejected', 'quarantined')),
    CONSTRAINT vektis_file_soort_bericht_check CHECK (soort_bericht IN ('P', 'T')),
    CONSTRAINT vektis_file_claimed_check CHECK (status <> 'claimed' OR (claimed_by IS NOT NULL AND claimed_at IS NOT NULL)),
    CONSTRAINT vektis_file_processed_check CHECK (
        status <> 'processed'
        OR (provider_agb IS NOT NULL AND factuurnummer IS NOT NULL AND soort_bericht IS NOT NULL AND finished_at IS NOT NULL)),
    CONSTRAINT vektis_file_counts_check CHECK (
        line_count >= 0 AND approved_count >= 0 AND rejected_count >= 0 AND approved_count + rejected_count = line_count)
);

-- A provider's invoice number (0116) is used once. A second production file with a number already processed is answered
-- with 0030 and stored as rejected, so only processed production files take part; a file rejected as a whole may be sent
-- again under its number, and test files (T) never count.
CREATE UNIQUE INDEX vektis_file_invoice_key ON vektis_file (provider_agb, factuurnummer)
    WHERE status = 'processed' AND soort_bericht = 'P';

-- Claims a dead worker left: few rows, looked up by age.
CREATE INDEX vektis_file_claimed_at ON vektis_file (claimed_at) WHERE status = 'claimed';

-- One row per 04 PRESTATIERECORD of a processed file, with its outcome. Written by binary COPY (DeclarationLineWriter).
--
-- Bulk writing sets the shape: a file may hold a million lines, and every index and constraint is paid per line. file_id has
-- no foreign key: PostgreSQL checks one with a query per inserted row, which measured more than doubles the time of a
-- million-line COPY. Lines are only written in the transaction that wrote their vektis_file row, which keeps them joined.
CREATE TABLE declaration_line (
    file_id                    bigint   NOT NULL,  -- vektis_file.id
    record_id                  bigint   NOT NULL,  -- 0402 IDENTIFICATIE DETAILRECORD, unique within the file
    provider_agb               integer  NOT NULL,  -- 0112 of the file: kept per line so the history indexes need no join
    bsn                        integer  NOT NULL,  -- 0403
    prestatiecode              text     NOT NULL,  -- 0417
    -- 0414/0415; NULL when the field is not a valid date (the line is then rejected with a date code).
    begin_date                 date,
    end_date                   date,
    volume                     integer  NOT NULL,  -- 0418
    tariff_cents               bigint   NOT NULL,  -- 0425, as declared
    -- The tariff the zorgkantoor applied (0481 = 0418 x this): a later tariff change corrects approved lines from it.
    applied_tariff_cents       bigint   NOT NULL,
    declared_cents             bigint   NOT NULL,  -- 0429, signed by 0430
    approved_cents             bigint   NOT NULL,  -- 0483, signed by 0430 (0 for a rejected line)
    debit_credit               char(1)  NOT NULL,  -- 0430
    referentienummer           text     NOT NULL,  -- 0431
    voorgaand_referentienummer text,               -- 0432: on a credit, the 0431 of the debit it reverses
    retourcode_1               smallint NOT NULL,  -- 0496-0498; 8001 alone = fully approved
    retourcode_2               smallint,
    retourcode_3               smallint,
    received_on                date     NOT NULL,  -- the file's
    production                 boolean  NOT NULL,  -- the file's 0105 = P
    approved                   boolean  GENERATED ALWAYS AS (retourcode_1 = 8001) STORED,
    declaration_year           smallint GENERATED ALWAYS AS (extract(year FROM begin_date)::smallint) STORED,

    -- The natural key: a file's lines are written once; COPY's staging step skips rows already there.
    PRIMARY KEY (file_id, record_id),
    CONSTRAINT declaration_line_debit_credit_check CHECK (debit_credit IN ('D', 'C')),
    CONSTRAINT declaration_line_sign_check CHECK (
        CASE debit_credit
            WHEN 'D' THEN declared_cents >= 0 AND approved_cents >= 0
            ELSE declared_cents <= 0 AND approved_cents <= 0
        END),
    CONSTRAINT declaration_line_retourcode_slots_check CHECK (retourcode_3 IS NULL OR retourcode_2 IS NOT NULL),
    CONSTRAINT declaration_line_approved_dates_check CHECK (
        retourcode_1 <> 8001 OR (begin_date IS NOT NULL AND end_date IS NOT NULL AND begin_date <= end_date))
);

-- The history the duplicate, credit and reference checks read: approved production lines only. A rejected line may repeat
-- a reference (the provider sends it again, corrected), a test file may reuse anything.
--
-- 8021 (reference already received) and 8017 (credit of an unknown debit) look up a provider's reference; the AW319 makes
-- it unique per provider, and so does this index, for approved lines.
CREATE UNIQUE INDEX declaration_line_reference_key ON declaration_line (provider_agb, referentienummer)
    WHERE approved AND production;

-- 8084 (debit already credited): a debit is reversed at most once.
CREATE UNIQUE INDEX declaration_line_credited_key ON declaration_line (provider_agb, voorgaand_referentienummer)
    WHERE approved AND production AND debit_credit = 'C';

-- 8067 (already declared) needs a provider's approved debits by client: read in bulk per file through the provider prefix
-- of declaration_line_reference_key (provider_agb = $1 AND bsn = ANY($2)). A client index of its own added a third to the
-- COPY time; a later migration adds one if a measurement shows the lookup needs it.

-- The AW320 that answered a file. Kept in the database (content) when small enough to hold in memory, else on disk (path)
-- with its hash; either way a byte-identical copy of the input is answered with exactly this file again.
CREATE TABLE aw320 (
    file_id    bigint      PRIMARY KEY REFERENCES vektis_file (id),
    file_name  text        NOT NULL,
    sha256     bytea       NOT NULL,
    size_bytes bigint      NOT NULL,
    content    bytea,
    path       text,
    written_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT aw320_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT aw320_kept_check CHECK (content IS NOT NULL OR path IS NOT NULL)
);

-- Reference data: one table per CSV file of the import (specs/reference-data.md), columns as the CSV names them. No
-- foreign keys between them: each file is imported, and replaced whole, on its own.

CREATE TABLE provider (
    agb            integer PRIMARY KEY,
    naam           text    NOT NULL,
    regime         text    NOT NULL,
    crisisafspraak boolean NOT NULL,
    CONSTRAINT provider_regime_check CHECK (regime IN ('werkvoorschot', 'achteraf'))
);

CREATE TABLE koppeltabel (
    prestatiecodelijst text   NOT NULL,
    prestatiecode      text   NOT NULL,
    omschrijving       text   NOT NULL,
    zzpcodes           text[] NOT NULL,  -- empty: only 000 allowed
    functiecodes       text[] NOT NULL,  -- empty: only 00 allowed
    eenheid            text   NOT NULL,  -- the 0419 value
    prestatiegroep     text,
    ingangsdatum       date   NOT NULL,
    einddatum          date,
    PRIMARY KEY (prestatiecodelijst, prestatiecode, ingangsdatum),
    CONSTRAINT koppeltabel_period_check CHECK (einddatum IS NULL OR einddatum >= ingangsdatum)
);

-- A later geldig_vanaf for the same agb and year is a revision (herschikking) from that date on.
CREATE TABLE afspraak (
    agb               integer  NOT NULL,
    jaar              smallint NOT NULL,
    jaarafspraak_cent bigint   NOT NULL,
    geldig_vanaf      date     NOT NULL,
    PRIMARY KEY (agb, jaar, geldig_vanaf)
);

-- A later ingevoerd_op is a tariff change.
CREATE TABLE tarief (
    agb           integer  NOT NULL,
    jaar          smallint NOT NULL,
    prestatiecode text     NOT NULL,
    tarief_cent   bigint   NOT NULL,
    ingevoerd_op  date     NOT NULL,
    PRIMARY KEY (agb, jaar, prestatiecode, ingevoerd_op)
);

-- einddatum is the MEZ; NULL while care goes on.
CREATE TABLE maz (
    bsn        integer NOT NULL,
    agb        integer NOT NULL,
    begindatum date    NOT NULL,
    einddatum  date,
    PRIMARY KEY (bsn, agb, begindatum),
    CONSTRAINT maz_period_check CHECK (einddatum IS NULL OR einddatum >= begindatum)
);

CREATE TABLE meerzorg (
    bsn         integer NOT NULL,
    agb         integer NOT NULL,
    begindatum  date    NOT NULL,
    einddatum   date,
    tarief_cent bigint  NOT NULL,
    PRIMARY KEY (bsn, agb, begindatum),
    CONSTRAINT meerzorg_period_check CHECK (einddatum IS NULL OR einddatum >= begindatum)
);

CREATE TABLE mndp (
    agb           integer  NOT NULL,
    jaar          smallint NOT NULL,
    maand         smallint NOT NULL,
    prestatiecode text     NOT NULL,
    aantal        integer  NOT NULL,
    tarief_cent   bigint   NOT NULL,
    ingediend_op  date     NOT NULL,
    PRIMARY KEY (agb, jaar, maand, prestatiecode, ingediend_op),
    CONSTRAINT mndp_maand_check CHECK (maand BETWEEN 1 AND 12)
);

CREATE TABLE invordering (
    agb         integer  NOT NULL,
    jaar        smallint NOT NULL,
    bedrag_cent bigint   NOT NULL,
    PRIMARY KEY (agb, jaar)
);

-- Which version of each reference table is loaded: the import skips a file whose hash it already holds (importing the
-- same directory twice changes nothing), and the in-memory snapshot is rebuilt when a row here changes.
CREATE TABLE reference_import (
    table_name  text        PRIMARY KEY,
    sha256      bytea       NOT NULL,
    row_count   integer     NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reference_import_sha256_length CHECK (octet_length(sha256) = 32)
);
