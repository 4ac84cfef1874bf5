-- 0010 toewijzing: the toewijzingen as the iWlz messages (AW33 toewijzing, AW35 melding aanvang zorg, AW39 mutatie/einde
-- zorg) or toewijzingen.csv leave them, one row per toewijzing (specs/reference-data.md). Replaced whole by an import, like
-- the other reference tables. Holds BSNs: never logged, never shown.
CREATE TABLE toewijzing (
    toewijzingnummer bigint   PRIMARY KEY,
    bsn              integer  NOT NULL,
    besluitnummer    bigint   NOT NULL,
    zzpcode          smallint NOT NULL,  -- 0413 as a number; 0 for a toewijzing of a functie
    functiecode      smallint NOT NULL,  -- 0412 as a number; 0 for a toewijzing of a ZZP/VPT
    leveringsvorm    smallint NOT NULL,  -- 1 verblijf, 2 VPT, 3 MPT, 4 PGB, 5 other
    agb              integer  NOT NULL,  -- the provider it was given to; 0 when the AW33 named none
    ingangsdatum     date     NOT NULL,
    einddatum        date,
    zorg_begindatum  date,               -- AW35: the start of care the provider reported
    zorg_einddatum   date,               -- AW39: the end of care the provider reported
    CONSTRAINT toewijzing_product_check CHECK ((zzpcode = 0) <> (functiecode = 0)),
    CONSTRAINT toewijzing_leveringsvorm_check CHECK (leveringsvorm BETWEEN 1 AND 5),
    CONSTRAINT toewijzing_period_check CHECK (einddatum IS NULL OR einddatum >= ingangsdatum),
    CONSTRAINT toewijzing_zorg_check CHECK (zorg_einddatum IS NULL OR (zorg_begindatum IS NOT NULL AND zorg_einddatum >= zorg_begindatum))
);

CREATE INDEX toewijzing_bsn ON toewijzing (bsn);
