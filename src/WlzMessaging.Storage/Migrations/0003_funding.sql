-- 0003 funding: the monthly advance runs, the operators' review of them and the payment orders for the CAK
-- (specs/funding.md, "Storage, runs, review and payment orders").
--
-- A run is computed from the declaration lines and the reference tables of 0001 and stored here whole: per provider its
-- items, the production figures behind them and the recoveries before and after, so a later run reads its history (the
-- items of the approved runs) and the year statement reads its figures without computing anything again. Money is in
-- eurocents as bigint; AGB codes are integers, as in 0001.

-- What a run reads from declaration_line: one pass over the approved production lines of two years, summed per provider,
-- year, day of receipt and prestatie (FundingInputsQuery.LinesSql). No index serves that better than a parallel sequential
-- scan, and an index would be paid on every line COPY writes. What the planner lacks is the number of groups: the columns
-- are correlated (a provider sends its files on a few days), so it multiplies their distinct counts, expects millions of
-- groups and sorts every line instead of hashing a few thousand groups. These statistics (computed by ANALYZE, nothing per
-- written line) tell it.
CREATE STATISTICS declaration_line_funding (ndistinct)
    ON provider_agb, declaration_year, received_on, prestatiecode FROM declaration_line;

-- One run per first of a month. A draft is replaced whole when its date is run again; an approved run never changes (the
-- triggers below refuse it, whoever asks).
--
-- history_through: the latest approved run before this one when it was computed (NULL: none). Approving a draft whose
-- history has grown since (an earlier run approved after it was computed) is refused: it must be computed again.
-- unknown_agbs: AGB codes that occur in the inputs but not in provider, so their money was not computed.
CREATE TABLE advance_run (
    run_date        date        PRIMARY KEY,
    status          text        NOT NULL,
    computed_at     timestamptz NOT NULL,
    history_through date,
    unknown_agbs    integer[]   NOT NULL DEFAULT '{}',
    approved_by     text,
    approved_at     timestamptz,
    CONSTRAINT advance_run_first_of_month CHECK (extract(day FROM run_date) = 1),
    CONSTRAINT advance_run_status_check CHECK (status IN ('draft', 'approved')),
    CONSTRAINT advance_run_approval_check CHECK (
        CASE status
            WHEN 'approved' THEN approved_by IS NOT NULL AND btrim(approved_by) <> '' AND approved_at IS NOT NULL
            ELSE approved_by IS NULL AND approved_at IS NULL
        END),
    CONSTRAINT advance_run_history_check CHECK (history_through < run_date)
);

-- One row per run and provider: what the CAK pays (never below zero) and the provider's terms as the run used them.
CREATE TABLE advance_provider (
    run_date       date    NOT NULL REFERENCES advance_run ON DELETE CASCADE,
    agb            integer NOT NULL,
    regime         text    NOT NULL,
    crisisafspraak boolean NOT NULL,
    payment_cents  bigint  NOT NULL,
    PRIMARY KEY (run_date, agb),
    CONSTRAINT advance_provider_regime_check CHECK (regime IN ('werkvoorschot', 'achteraf')),
    CONSTRAINT advance_provider_payment_check CHECK (payment_cents >= 0)
);

CREATE INDEX advance_provider_agb ON advance_provider (agb, run_date);

-- The items of a provider's run, in their order (payable items by year and kind, then the invordering offsets). year is the
-- year the item concerns, not the run's. A correctie names the kind it adjusts; zero items are not stored.
-- The items of the approved runs are the history every later run computes from.
CREATE TABLE advance_item (
    run_date     date     NOT NULL,
    agb          integer  NOT NULL,
    position     smallint NOT NULL,
    year         smallint NOT NULL,
    kind         text     NOT NULL,
    adjusts      text,
    amount_cents bigint   NOT NULL,
    PRIMARY KEY (run_date, agb, position),
    FOREIGN KEY (run_date, agb) REFERENCES advance_provider ON DELETE CASCADE,
    CONSTRAINT advance_item_kind_check CHECK (
        kind IN ('werkvoorschot', 'productie', 'verrekening-werkvoorschot', 'invordering', 'correctie')),
    CONSTRAINT advance_item_adjusts_check CHECK (
        CASE kind
            WHEN 'correctie' THEN adjusts IN ('werkvoorschot', 'productie', 'verrekening-werkvoorschot')
            ELSE adjusts IS NULL
        END),
    CONSTRAINT advance_item_amount_check CHECK (amount_cents <> 0)
);

-- A provider's runs in date order: the year statement (the history of a run reads all providers by run_date, the key).
CREATE INDEX advance_item_agb ON advance_item (agb, run_date);

-- The production figures of a provider and year in a run (J, e, Pc and Px by source, what earlier runs paid): the terms of
-- the production item, kept for the review and the year statement. Cap, Due, the item and what is withheld follow from
-- them (ProductionFigures) and are not stored twice.
CREATE TABLE advance_production (
    run_date                  date     NOT NULL,
    agb                       integer  NOT NULL,
    year                      smallint NOT NULL,
    jaarafspraak_cents        bigint   NOT NULL,
    elapsed_months            smallint NOT NULL,
    non_exempt_lines_cents    bigint   NOT NULL,
    non_exempt_mndp_cents     bigint   NOT NULL,
    non_exempt_tariff_cents   bigint   NOT NULL,
    exempt_lines_cents        bigint   NOT NULL,
    exempt_mndp_cents         bigint   NOT NULL,
    exempt_tariff_cents       bigint   NOT NULL,
    paid_before_cents         bigint   NOT NULL,
    PRIMARY KEY (run_date, agb, year),
    FOREIGN KEY (run_date, agb) REFERENCES advance_provider ON DELETE CASCADE,
    CONSTRAINT advance_production_elapsed_check CHECK (elapsed_months BETWEEN 0 AND 12)
);

CREATE INDEX advance_production_agb ON advance_production (agb, run_date);

-- What a provider owed on recoveries of a year before the run and after it (positive amounts; a year appears when either
-- is not zero). The balance before is kept so a review can offset the recoveries again against an adjusted total.
CREATE TABLE advance_recovery (
    run_date              date     NOT NULL,
    agb                   integer  NOT NULL,
    year                  smallint NOT NULL,
    open_before_cents     bigint   NOT NULL,
    carried_forward_cents bigint   NOT NULL,
    PRIMARY KEY (run_date, agb, year),
    FOREIGN KEY (run_date, agb) REFERENCES advance_provider ON DELETE CASCADE
);

CREATE INDEX advance_recovery_agb ON advance_recovery (agb, run_date);

-- MNDP rows a run did not count (MndpValidation), with the reason, for the operator to act on.
CREATE TABLE advance_mndp_rejection (
    run_date      date     NOT NULL REFERENCES advance_run ON DELETE CASCADE,
    agb           integer  NOT NULL,
    jaar          smallint NOT NULL,
    maand         smallint NOT NULL,
    prestatiecode text     NOT NULL,
    ingediend_op  date     NOT NULL,
    aantal        integer  NOT NULL,
    tarief_cent   bigint   NOT NULL,
    reason        text     NOT NULL,
    explanation   text     NOT NULL,
    PRIMARY KEY (run_date, agb, jaar, maand, prestatiecode, ingediend_op),
    CONSTRAINT advance_mndp_rejection_reason_check CHECK (
        reason IN ('unknown-provider', 'no-crisisafspraak', 'unknown-prestatie', 'tariff-differs'))
);

-- Every operator's adjustment of a draft: who, when, the item (kind and year of a provider), its computed amount, the
-- amount before this adjustment and the new one, and why. The record outlives the draft: no foreign key to advance_run.
-- When the draft is computed again (or discarded) its adjustments no longer apply: superseded_at says since when.
CREATE TABLE advance_adjustment (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_date       date        NOT NULL,
    agb            integer     NOT NULL,
    year           smallint    NOT NULL,
    kind           text        NOT NULL,
    computed_cents bigint      NOT NULL,
    old_cents      bigint      NOT NULL,
    new_cents      bigint      NOT NULL,
    reason         text        NOT NULL,
    adjusted_by    text        NOT NULL,
    adjusted_at    timestamptz NOT NULL,
    superseded_at  timestamptz,
    CONSTRAINT advance_adjustment_kind_check CHECK (kind IN ('werkvoorschot', 'productie', 'verrekening-werkvoorschot')),
    CONSTRAINT advance_adjustment_reason_check CHECK (btrim(reason) <> ''),
    CONSTRAINT advance_adjustment_by_check CHECK (btrim(adjusted_by) <> '')
);

CREATE INDEX advance_adjustment_run ON advance_adjustment (run_date, agb);

-- The payment order an approval wrote for the CAK: the file as written (a few hundred rows), so it can be produced again
-- byte for byte, and where it went.
CREATE TABLE advance_payment_order (
    run_date      date        PRIMARY KEY REFERENCES advance_run,
    file_name     text        NOT NULL,
    directory     text        NOT NULL,
    content       bytea       NOT NULL,
    sha256        bytea       NOT NULL,
    payment_count integer     NOT NULL,
    total_cents   bigint      NOT NULL,
    written_at    timestamptz NOT NULL,
    CONSTRAINT advance_payment_order_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT advance_payment_order_total_check CHECK (total_cents >= 0 AND payment_count >= 0)
);

-- An approved run cannot change: not its row, not its parts, not its payment order. The application checks first and says
-- why in its own words; these triggers hold the line for anything else that writes to the database.
CREATE FUNCTION advance_run_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'approved' THEN
        RAISE EXCEPTION 'the advance run of % is approved and cannot change', OLD.run_date
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER advance_run_immutable BEFORE UPDATE OR DELETE ON advance_run
    FOR EACH ROW EXECUTE FUNCTION advance_run_immutable();

-- The parts of a run: written only while their run is a draft. When a draft is deleted its parts go by the cascade, after
-- the run row, so the check finds no approved run and lets them go.
CREATE FUNCTION advance_run_part_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM advance_run WHERE run_date = OLD.run_date AND status = 'approved'))
        OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM advance_run WHERE run_date = NEW.run_date AND status = 'approved'))
    THEN
        RAISE EXCEPTION 'the advance run of % is approved and cannot change',
            CASE TG_OP WHEN 'INSERT' THEN NEW.run_date ELSE OLD.run_date END
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER advance_provider_immutable BEFORE INSERT OR UPDATE OR DELETE ON advance_provider
    FOR EACH ROW EXECUTE FUNCTION advance_run_part_immutable();
CREATE TRIGGER advance_item_immutable BEFORE INSERT OR UPDATE OR DELETE ON advance_item
    FOR EACH ROW EXECUTE FUNCTION advance_run_part_immutable();
CREATE TRIGGER advance_production_immutable BEFORE INSERT OR UPDATE OR DELETE ON advance_production
    FOR EACH ROW EXECUTE FUNCTION advance_run_part_immutable();
CREATE TRIGGER advance_recovery_immutable BEFORE INSERT OR UPDATE OR DELETE ON advance_recovery
    FOR EACH ROW EXECUTE FUNCTION advance_run_part_immutable();
CREATE TRIGGER advance_mndp_rejection_immutable BEFORE INSERT OR UPDATE OR DELETE ON advance_mndp_rejection
    FOR EACH ROW EXECUTE FUNCTION advance_run_part_immutable();

-- A payment order is written once, with the approval, and then only read.
CREATE FUNCTION advance_payment_order_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the payment order of % is written and cannot change', OLD.run_date
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER advance_payment_order_immutable BEFORE UPDATE OR DELETE ON advance_payment_order
    FOR EACH ROW EXECUTE FUNCTION advance_payment_order_immutable();
