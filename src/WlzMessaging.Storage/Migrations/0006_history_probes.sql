-- 0006 history probes: the provider's history is read only where a file can touch it, by index probes whose cost does
-- not grow with the store (specs/storage.md, "History reads only what the file can touch").

-- 8021 (reference not unique): a provider's production lines by reference, approved or rejected (a rejected line's
-- reference sent again is 8021 too, specs/rules.md). declaration_line_reference_key (0001) holds approved lines only and
-- stays: it is what makes an approved reference unique per provider. One probe per reference of the file.
CREATE INDEX declaration_line_received_key ON declaration_line (provider_agb, referentienummer)
    WHERE production;

-- 8067 (already declared): a provider's approved, uncredited debits of one client and prestatie whose period touches the
-- file's debit period. One probe per client/prestatie pair of the file: equality on the first three columns, a range on
-- end_date (>= the file's first day) that leaves out every earlier month, so the rows read are the few near the file's
-- period, not the client's whole year. Until now the lookup had no index of its own and ran as a sequential scan.
CREATE INDEX declaration_line_overlap_key ON declaration_line (provider_agb, bsn, prestatiecode, end_date)
    WHERE approved AND production AND debit_credit = 'D';

-- Statistics kept current as the table grows by whole files: autovacuum analyzes after 1% of the rows changed (default
-- 10%: 2.5 million rows late in a year of 25 million) and vacuums after 5% inserted (default 20%), which keeps the
-- visibility map set for index-only scans of the funding run.
ALTER TABLE declaration_line SET (
    autovacuum_analyze_scale_factor = 0.01,
    autovacuum_analyze_threshold = 10000,
    autovacuum_vacuum_insert_scale_factor = 0.05);
