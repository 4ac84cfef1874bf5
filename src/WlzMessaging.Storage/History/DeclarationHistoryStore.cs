using Npgsql;
using NpgsqlTypes;
using WlzMessaging.Adjudication;
using WlzMessaging.Reference;

namespace WlzMessaging.Storage.History;

/// <summary>
/// Loads, for one file, the part of a provider's history the adjudicator asks about: three set-based queries keyed by the
/// file's own reference numbers and client/prestatie pairs, so the cost follows the file, not the store, and no query runs
/// per line. Only lines of production files count; (a) every such line, (b) and (c) approved ones (specs/rules.md, L07-L12).
/// </summary>
/// <remarks>
/// The keys go to the server by binary COPY into temporary tables of the file's transaction (dropped at its end), from the
/// prepass's own structs through one reused buffer: a million-line file's keys cost no string each and no array of
/// them, where passing them as array parameters held about 100 MB of strings and their encoding at once. Each query probes
/// <c>declaration_line</c>'s indexes once per key of those tables (specs/storage.md).
/// </remarks>
public static class DeclarationHistoryStore
{
    // Every query drives from the file's keys (a temporary table) into declaration_line through a LATERAL subquery that
    // LIMIT or OFFSET keeps from being flattened into a join: the plan is a nested loop of index probes whatever the
    // statistics say, and never a hash join over all of the provider's rows (specs/storage.md has the plans). Whether a
    // debit was credited is a scalar subquery with LIMIT, not EXISTS: PostgreSQL may run an EXISTS as a hashed subplan that
    // reads every credit of the provider once; a LIMIT keeps it one probe per row.

    // (a) 0431s of this file already received in an earlier production file of the provider, approved or rejected (8021:
    // COD954-VEKT "referentienummer niet uniek" knows no exception for a rejected line). A probe of
    // declaration_line_received_key per reference; LIMIT 1: a rejected reference may have been sent more than once before.
    internal const string ReceivedSql = """
        SELECT k.referentienummer
        FROM history_reference k
        CROSS JOIN LATERAL (
            SELECT 1 FROM declaration_line d
            WHERE d.provider_agb = $1 AND d.referentienummer = k.referentienummer AND d.production
            LIMIT 1) d
        """;

    // (b) The debits the file's credit lines name (8017/8084), with whether an approved credit reversed them already: a probe
    // of declaration_line_reference_key, then one of declaration_line_credited_key. The line found is checked for D outside
    // the probe: with debit_credit = 'D' inside, the overlap index's predicate matched too, and a planner on stale
    // statistics was seen scanning all of the provider's debits in it for every key (the reference is unique among
    // approved production lines, so the one line found is the one to check).
    internal const string CreditedDebitsSql = """
        SELECT d.referentienummer, d.bsn, d.prestatiecode, d.begin_date, d.end_date, d.declared_cents,
               (SELECT true FROM declaration_line c
                WHERE c.provider_agb = $1 AND c.voorgaand_referentienummer = d.referentienummer
                  AND c.approved AND c.production AND c.debit_credit = 'C' LIMIT 1) IS NOT NULL
        FROM history_credited k
        CROSS JOIN LATERAL (
            SELECT d.referentienummer, d.bsn, d.prestatiecode, d.begin_date, d.end_date, d.declared_cents, d.debit_credit
            FROM declaration_line d
            WHERE d.provider_agb = $1 AND d.referentienummer = k.referentienummer AND d.approved AND d.production
            LIMIT 1) d
        WHERE d.debit_credit = 'D'
        """;

    // (c) Approved, uncredited debits of the file's client/prestatie pairs that touch the file's debit period (8067): a
    // probe of declaration_line_overlap_key per pair, bounded below by end_date, then the credit probe for each row found.
    internal const string OverlapSql = """
        SELECT d.referentienummer, d.bsn, d.prestatiecode, d.begin_date, d.end_date, d.declared_cents, false
        FROM history_pair k
        CROSS JOIN LATERAL (
            SELECT d.referentienummer, d.bsn, d.prestatiecode, d.begin_date, d.end_date, d.declared_cents,
                   (SELECT true FROM declaration_line c
                    WHERE c.provider_agb = $1 AND c.voorgaand_referentienummer = d.referentienummer
                      AND c.approved AND c.production AND c.debit_credit = 'C' LIMIT 1) IS NOT NULL AS credited
            FROM declaration_line d
            WHERE d.provider_agb = $1 AND d.bsn = k.bsn AND d.prestatiecode = k.prestatiecode
              AND d.approved AND d.production AND d.debit_credit = 'D'
              AND d.end_date >= $2 AND d.begin_date <= $3
            OFFSET 0) d
        WHERE NOT d.credited
        """;

    // Short probe queries: JIT compiling them costs more than running them (its cost estimate follows the temporary tables'
    // default size guesses, not their real size). For this transaction only.
    private const string NoJitSql = "SET LOCAL jit = off";

    // Whether the provider has any production line at all: one probe of the provider's prefix in
    // declaration_line_received_key. Every part of the history (received references, approved debits, their credits) is
    // made of such lines, so without one there is nothing to ask, and the file's keys are not even sent.
    internal const string AnyProductionLineSql = """
        SELECT EXISTS (SELECT 1 FROM declaration_line WHERE provider_agb = $1 AND production)
        """;

    /// <summary>
    /// Reads the history of provider <paramref name="agb"/> for the keys of <paramref name="prepass"/> into
    /// <paramref name="history"/>; returns false when the provider had no production line at all (its first file): then
    /// nothing was sent or probed.
    /// </summary>
    public static async Task<bool> LoadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        int agb,
        FilePrepassResult prepass,
        DeclarationHistory history,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(prepass);
        ArgumentNullException.ThrowIfNull(history);

        // The key tables live as long as a transaction: the file's, or one of our own when called without.
        var own = transaction is null ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        try
        {
            var tx = transaction ?? own!;
            await using (var settings = new NpgsqlCommand(NoJitSql, connection, tx))
            {
                await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            bool probed;
            await using (var any = Command(connection, tx, AnyProductionLineSql, agb))
            {
                probed = await any.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
            }

            if (probed && prepass.Referentienummers.Count > 0)
            {
                await CopyReferencesAsync(connection, tx, "history_reference", prepass.Referentienummers, cancellationToken).ConfigureAwait(false);
                await using var command = Command(connection, tx, ReceivedSql, agb);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    history.AddReceived(Referentienummer.FromText(reader.GetString(0)));
                }
            }

            if (probed && prepass.VoorgaandeReferentienummers.Count > 0)
            {
                await CopyReferencesAsync(connection, tx, "history_credited", prepass.VoorgaandeReferentienummers, cancellationToken).ConfigureAwait(false);
                await using var command = Command(connection, tx, CreditedDebitsSql, agb);
                await ReadDebitsAsync(command, history, cancellationToken).ConfigureAwait(false);
            }

            if (probed && prepass.DebitClientPrestaties.Count > 0 && prepass.DebitPeriodBegin is { } begin && prepass.DebitPeriodEnd is { } end)
            {
                await CopyPairsAsync(connection, tx, prepass.DebitClientPrestaties, cancellationToken).ConfigureAwait(false);
                await using var command = Command(connection, tx, OverlapSql, agb);
                command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = begin, NpgsqlDbType = NpgsqlDbType.Date });
                command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = end, NpgsqlDbType = NpgsqlDbType.Date });
                await ReadDebitsAsync(command, history, cancellationToken).ConfigureAwait(false);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return probed;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, int agb)
    {
        // Set-based over a whole file: longer than a request's timeout may be fair; the file's transaction bounds it.
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = agb });
        return command;
    }

    private static async Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string columns, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"CREATE TEMP TABLE IF NOT EXISTS {table} ({columns}) ON COMMIT DROP; TRUNCATE {table}", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file's references as stored: without the right padding, byte 0 as U+FFFD (as the line writers store it).</summary>
    private static async Task CopyReferencesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyCollection<Referentienummer> references, CancellationToken cancellationToken)
    {
        await CreateAsync(connection, transaction, table, "referentienummer text NOT NULL", cancellationToken).ConfigureAwait(false);
        var buffer = new char[Referentienummer.Length];
        var importer = await connection.BeginBinaryImportAsync($"COPY {table} (referentienummer) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var reference in references)
            {
                reference.TryFormat(buffer, out var length);
                buffer.AsSpan(0, length).Replace('\0', '\uFFFD');
                importer.StartRow();
                importer.Write(new ReadOnlyMemory<char>(buffer, 0, length), NpgsqlDbType.Text);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CopyPairsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<ClientPrestatie> pairs, CancellationToken cancellationToken)
    {
        await CreateAsync(connection, transaction, "history_pair", "bsn integer NOT NULL, prestatiecode text NOT NULL", cancellationToken).ConfigureAwait(false);
        var buffer = new char[PrestatieCode.MaxLength];
        var importer = await connection.BeginBinaryImportAsync("COPY history_pair (bsn, prestatiecode) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var pair in pairs)
            {
                importer.StartRow();
                importer.Write(pair.Bsn, NpgsqlDbType.Integer);
                importer.Write(Format(pair.Prestatiecode, buffer), NpgsqlDbType.Text);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A prestatiecode's characters (as <see cref="PrestatieCode.ToString"/>) without a string.</summary>
    private static ReadOnlyMemory<char> Format(PrestatieCode code, char[] buffer)
    {
        var length = 0;
        for (var i = 0; i < PrestatieCode.MaxLength; i++)
        {
            var b = unchecked((byte)(code.Packed >> ((PrestatieCode.MaxLength - 1 - i) * 8))); // the low byte, the rest cut off
            if (b == 0)
            {
                break;
            }

            buffer[length++] = (char)b;
        }

        return new ReadOnlyMemory<char>(buffer, 0, length);
    }

    private static async Task ReadDebitsAsync(NpgsqlCommand command, DeclarationHistory history, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.AddApprovedDebit(
                Referentienummer.FromText(reader.GetString(0)),
                reader.GetInt32(1),
                PrestatieCode.Parse(reader.GetString(2)),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetFieldValue<DateOnly>(4),
                reader.GetInt64(5),
                reader.GetBoolean(6));
        }
    }
}
