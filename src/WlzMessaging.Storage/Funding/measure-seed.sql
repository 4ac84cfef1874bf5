-- Synthetic data for measure-advance-run.sh: :lines declaration lines of 300 providers (psql variable, e.g. 10000000),
-- with their reference rows. Not a test fixture: sizes and shapes only, so the aggregates of a run have real work to do.
--
-- Lines: 2024 care from 1 January 2024 to 31 March 2025 (so a run of 2025 reads two years), each received in a file on a
-- day of the month after its care (the provider's own day, 1-20); 20 prestaties of which 2 exempt (M001, ZMZ01); volume
-- 1-31 at 150.00-190.00 a day; every 50th line a credit, every 30th rejected (8215); one file a 10,000 lines.

INSERT INTO provider (agb, naam, regime, crisisafspraak)
SELECT 41000000 + p, 'Zorgaanbieder ' || p,
       CASE WHEN p % 10 = 0 THEN 'achteraf' ELSE 'werkvoorschot' END,
       p % 7 = 0
FROM generate_series(1, 300) AS p;

INSERT INTO afspraak (agb, jaar, jaarafspraak_cent, geldig_vanaf)
SELECT 41000000 + p, y, 8000000000 + p::bigint * 10000000, make_date(y, 1, 1)
FROM generate_series(1, 300) AS p, generate_series(2024, 2025) AS y;

-- A herschikking for every 15th provider.
INSERT INTO afspraak (agb, jaar, jaarafspraak_cent, geldig_vanaf)
SELECT 41000000 + p, 2024, 9000000000 + p::bigint * 10000000, DATE '2024-09-15'
FROM generate_series(15, 300, 15) AS p;

CREATE TEMP TABLE codes (n int PRIMARY KEY, code text NOT NULL);
INSERT INTO codes
SELECT n, (ARRAY['Z015','H126','H300','V004','Z020','Z030','H127','H128','H129','H130',
                 'H131','H132','H133','H134','H135','H136','H137','H138','M001','ZMZ01'])[n + 1]
FROM generate_series(0, 19) AS n;

INSERT INTO tarief (agb, jaar, prestatiecode, tarief_cent, ingevoerd_op)
SELECT 41000000 + p, y, c.code, 17000, make_date(y - 1, 12, 1)
FROM generate_series(1, 300) AS p, generate_series(2024, 2025) AS y, codes AS c;

-- A tariff change of Z015 and H126 in 2024 for every 10th provider: their volume is summed per received day.
INSERT INTO tarief (agb, jaar, prestatiecode, tarief_cent, ingevoerd_op)
SELECT 41000000 + p, 2024, code, 17500, DATE '2024-06-17'
FROM generate_series(10, 300, 10) AS p, (VALUES ('Z015'), ('H126')) AS c(code);

INSERT INTO mndp (agb, jaar, maand, prestatiecode, aantal, tarief_cent, ingediend_op)
SELECT 41000000 + p, 2024, m, 'Z015', 100 + m, 17000, make_date(2024, m, 1) + 40
FROM generate_series(7, 300, 7) AS p, generate_series(1, 12) AS m;

INSERT INTO invordering (agb, jaar, bedrag_cent)
SELECT 41000000 + p, 2023, 50000000 + p * 1000
FROM generate_series(3, 300, 15) AS p;

INSERT INTO declaration_line (file_id, record_id, provider_agb, bsn, prestatiecode, begin_date, end_date, volume, tariff_cents,
                              applied_tariff_cents, declared_cents, approved_cents, debit_credit, referentienummer,
                              voorgaand_referentienummer, retourcode_1, received_on, production, approved,
                              declaration_year)
SELECT g / 10000,
       g,
       l.agb,
       100000000 + g % 899999999,
       c.code,
       l.begin_date,
       l.begin_date + (l.volume - 1),
       l.volume,
       l.tariff,
       l.tariff,
       l.sign * l.volume * l.tariff,
       CASE WHEN l.rejected THEN 0 ELSE l.sign * l.volume * l.tariff END,
       CASE l.sign WHEN 1 THEN 'D' ELSE 'C' END,
       'R' || g,
       CASE l.sign WHEN 1 THEN NULL ELSE 'V' || g END,
       CASE WHEN l.rejected THEN 8215 ELSE 8001 END,
       (date_trunc('month', l.begin_date) + interval '1 month')::date + (l.agb % 20),
       true,
       NOT l.rejected,
       extract(year FROM l.begin_date)
FROM generate_series(1, :lines) AS g
CROSS JOIN LATERAL (
    SELECT 41000001 + g % 300 AS agb,
           DATE '2024-01-01' + (g / 300) % 456 AS begin_date,
           1 + g % 31 AS volume,
           15000 + (g % 5) * 1000 AS tariff,
           CASE WHEN g % 50 = 0 THEN -1 ELSE 1 END AS sign,
           g % 30 = 0 AS rejected
) AS l
JOIN codes AS c ON c.n = (g / 7) % 20;

-- measure-advance-run.sh runs VACUUM (ANALYZE) after this, as autovacuum would after a bulk load.
