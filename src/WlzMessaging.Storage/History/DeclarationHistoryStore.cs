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
/// them, where passing them as array parameters held about 100 MB of strings and their encoding at once. The queries join
/// those tables to <c>declaration_line</c> through its indexes on (provider_agb, referentienummer).
/// </remarks>
public static class DeclarationHistoryStore
{
    // (a) 0431s of this file already received in an earlier production file of the provider, approved or rejected (8021:
    // COD954-VEKT "referentienummer niet uniek" knows no exception for a rejected line). DISTINCT: a rejected reference
    // may have been sent more than once before.
    private const string ReceivedSql = """
        SELECT DISTINCT d.referentienummer
        FROM history_reference k
        JOIN declaration_line d ON d.provider_agb = $1 AND d.referentienummer = k.referentienummer
        WHERE d.production
        """;

    // (b) The debits the file's credit lines name (8017/8084), with whether an approved credit reversed them already.
    private const string CreditedDebitsSql = """
        SELECT d.referentienummer, d.bsn, d.prestatiecode, d.begin_date, d.end_date, d.declared_cents,
               EXISTS (SELECT 1 FROM declaration_line c
                       WHERE c.provider_agb = d.provider_agb AND c.voorgaand_referentienummer = d.referentienummer
                         AND c.approved AND c.production AND c.debit_credit = 'C')
        FROM history_credited k
        JOIN declaration_line d ON d.provider_agb = $1 AND d.referentienummer = k.referentienummer
        WHERE d.approved AND d.production AND d.debit_credit = 'D'
        """;

    // (c) Approved, uncredited debits of the file's client/prestatie pairs that touch the file's debit period (8067).
    private const string OverlapSql = """
        SELECT d.referentienummer, d.bsn, d.prestatiecode, d.begin_date, d.end_date, d.declared_cents, false
        FROM history_pair k
        JOIN declaration_line d ON k.bsn = d.bsn AND k.prestatiecode = d.prestatiecode
        WHERE d.provider_agb = $1 AND d.approved AND d.production AND d.debit_credit = 'D'
          AND d.end_date >= $2 AND d.begin_date <= $3
          AND NOT EXISTS (SELECT 1 FROM declaration_line c
                          WHERE c.provider_agb = d.provider_agb AND c.voorgaand_referentienummer = d.referentienummer
                            AND c.approved AND c.production AND c.debit_credit = 'C')
        """;

    public static async Task LoadAsync(
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
            if (prepass.Referentienummers.Count > 0)
            {
                await CopyReferencesAsync(connection, tx, "history_reference", prepass.Referentienummers, cancellationToken).ConfigureAwait(false);
                await using var command = Command(connection, tx, ReceivedSql, agb);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    history.AddReceived(Referentienummer.FromText(reader.GetString(0)));
                }
            }

            if (prepass.VoorgaandeReferentienummers.Count > 0)
            {
                await CopyReferencesAsync(connection, tx, "history_credited", prepass.VoorgaandeReferentienummers, cancellationToken).ConfigureAwait(false);
                await using var command = Command(connection, tx, CreditedDebitsSql, agb);
                await ReadDebitsAsync(command, history, cancellationToken).ConfigureAwait(false);
            }

            if (prepass.DebitClientPrestaties.Count > 0 && prepass.DebitPeriodBegin is { } begin && prepass.DebitPeriodEnd is { } end)
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
