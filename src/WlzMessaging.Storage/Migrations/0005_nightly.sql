-- 0005 nightly: what the nightly reprocessing job (`wlz nightly`, and the same job inside `wlz run`) keeps
-- (specs/operations.md, "Nightly reprocessing"). Every table is keyed so that running a date again writes the same rows:
-- rows are added with ON CONFLICT DO NOTHING, or a date's rows are replaced by the same computation. None holds a BSN.

-- Provider corrections: each approved credit line of a production file, matched to the debit it reverses (same provider,
-- its 0432 = the debit's 0431), and each re-debit (a new approved debit of the same provider, client and prestatie whose
-- period overlaps a debit that a credit reversed), matched to that credited debit. corrected_* is NULL when no debit was
-- found. nightly_date is the date of the run that matched the line: the day the line was received.
CREATE TABLE provider_correction (
    file_id             bigint   NOT NULL,
    record_id           bigint   NOT NULL,
    kind                text     NOT NULL,
    provider_agb        integer  NOT NULL,
    declaration_year    smallint,
    prestatiecode       text     NOT NULL,
    approved_cents      bigint   NOT NULL,  -- the correcting line's own, signed (a credit negative)
    corrected_file_id   bigint,
    corrected_record_id bigint,
    nightly_date        date     NOT NULL,
    PRIMARY KEY (file_id, record_id),
    CONSTRAINT provider_correction_kind_check CHECK (kind IN ('credit', 'redebit')),
    CONSTRAINT provider_correction_corrected_check CHECK ((corrected_file_id IS NULL) = (corrected_record_id IS NULL))
);

CREATE INDEX provider_correction_nightly_date ON provider_correction (nightly_date);

-- Net approved production per provider, year and month of 0414 (approved lines of production files, credit lines
-- negative): the monthly figures monitoring reads without summing declaration_line. The nightly job recomputes the buckets
-- of every provider and year that received approved production lines that day, from declaration_line, as a whole.
CREATE TABLE production_month (
    provider_agb   integer  NOT NULL,
    year           smallint NOT NULL,
    month          smallint NOT NULL,
    lines          integer  NOT NULL,
    signed_volume  bigint   NOT NULL,
    approved_cents bigint   NOT NULL,
    PRIMARY KEY (provider_agb, year, month),
    CONSTRAINT production_month_month_check CHECK (month BETWEEN 1 AND 12)
);

-- The tariff corrections of the tariff changes entered on a day (tarief rows with that ingevoerd_op following an earlier
-- row), computed by TariffCorrections.Compute exactly as the advance run computes them, for operators to see before the
-- run on counts_from (the first of the next month) pays them. The advance run computes its own from the same rows.
CREATE TABLE tariff_correction (
    agb           integer  NOT NULL,
    jaar          smallint NOT NULL,
    prestatiecode text     NOT NULL,
    ingevoerd_op  date     NOT NULL,
    old_tarief_cent bigint NOT NULL,
    new_tarief_cent bigint NOT NULL,
    volume        bigint   NOT NULL,
    amount_cents  bigint   NOT NULL,
    counts_from   date     NOT NULL,
    PRIMARY KEY (agb, jaar, prestatiecode, ingevoerd_op)
);

-- Lines rejected only for the MAZ (8290, 8287) in a declaration year still open, that a MAZ period in the maz table now
-- holds wholly: the provider may send them again. listed_on is the nightly date that first listed the line; a line is
-- listed once. The AW320 that rejected it is never changed.
CREATE TABLE maz_resubmission (
    file_id          bigint   NOT NULL,
    record_id        bigint   NOT NULL,
    provider_agb     integer  NOT NULL,
    declaration_year smallint NOT NULL,
    prestatiecode    text     NOT NULL,
    referentienummer text     NOT NULL,
    retourcode       smallint NOT NULL,  -- 8290 or 8287, the code the line was rejected with
    declared_cents   bigint   NOT NULL,
    listed_on        date     NOT NULL,
    PRIMARY KEY (file_id, record_id),
    CONSTRAINT maz_resubmission_retourcode_check CHECK (retourcode IN (8290, 8287))
);

CREATE INDEX maz_resubmission_listed_on ON maz_resubmission (listed_on, provider_agb);
