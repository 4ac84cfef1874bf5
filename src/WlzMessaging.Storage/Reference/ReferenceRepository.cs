using System.Collections.Immutable;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;

namespace WlzMessaging.Storage.Reference;

/// <summary>What importing one reference file did to its table.</summary>
public enum ReferenceImportOutcome
{
    /// <summary>The table now holds exactly the file's rows.</summary>
    Imported,

    /// <summary>The table already held this very file (same SHA-256): nothing was changed.</summary>
    Unchanged,

    /// <summary>The file has problems: the table stays as it was.</summary>
    Invalid,
}

/// <summary>
/// The reference tables of 0001 (provider, koppeltabel, afspraak, tarief, maz, meerzorg, mndp, invordering) and 0010
/// (toewijzing): replacing one
/// table from a parsed CSV file, and reading all of them back for the in-memory <see cref="ReferenceSnapshot"/>.
/// </summary>
/// <remarks>
/// A table is replaced whole in one transaction (DELETE, then binary COPY of the file's rows, then its row in
/// <c>reference_import</c>), under a transaction-level advisory lock per table, so two imports at once apply one after the
/// other and the second sees the first's hash. Readers see the old table or the new one, never a mix.
/// </remarks>
public static class ReferenceRepository
{
    /// <summary>The table each reference file replaces: the published forms (koppeltabel.xlsx, the iWlz messages) replace the table of the CSV they stand for.</summary>
    public static string TableOf(string fileName) => fileName switch
    {
        "providers.csv" => "provider",
        "koppeltabel.csv" => "koppeltabel",
        "afspraken.csv" => "afspraak",
        "tarieven.csv" => "tarief",
        "maz.csv" => "maz",
        "meerzorg.csv" => "meerzorg",
        "mndp.csv" => "mndp",
        "invorderingen.csv" => "invordering",
        "toewijzingen.csv" or "iwlz" => "toewijzing",
        "koppeltabel.xlsx" => "koppeltabel",
        _ => throw new ArgumentException($"{fileName} is not a reference file", nameof(fileName)),
    };

    /// <summary>
    /// The version of the reference data as a whole: every table's file hash, in one short string. It changes exactly when an
    /// import changes a table, so the snapshot cache rebuilds on a change and only then.
    /// </summary>
    public static Task<string> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return ReadVersionAsync(connection, null, cancellationToken);
    }

    private static async Task<string> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(string_agg(table_name || ':' || encode(sha256, 'hex'), ',' ORDER BY table_name), '') FROM reference_import",
            connection,
            transaction);
        return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Replaces the table of <paramref name="file"/> with its rows, unless the table already holds the file with
    /// <paramref name="sha256"/>; an invalid file only leaves a line in the import log. Returns what happened.
    /// </summary>
    public static Task<ReferenceImportOutcome> ImportAsync(
        Store store, IReferenceFileResult file, byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ImportAsync(store.DataSource, file, sha256, cancellationToken);
    }

    /// <inheritdoc cref="ImportAsync(Store, IReferenceFileResult, byte[], CancellationToken)"/>
    public static async Task<ReferenceImportOutcome> ImportAsync(
        NpgsqlDataSource dataSource, IReferenceFileResult file, byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sha256);
        var table = TableOf(file.FileName);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('wlz_reference:' || $1))", cancellationToken, table)
            .ConfigureAwait(false);

        ReferenceImportOutcome outcome;
        if (!file.IsValid)
        {
            outcome = ReferenceImportOutcome.Invalid;
        }
        else if (await HoldsAsync(connection, transaction, table, sha256, cancellationToken).ConfigureAwait(false))
        {
            outcome = ReferenceImportOutcome.Unchanged;
        }
        else
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {table}", cancellationToken).ConfigureAwait(false);
            await CopyRowsAsync(connection, file, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO reference_import (table_name, sha256, row_count, imported_at) VALUES ($1, $2, $3, now())
                ON CONFLICT (table_name) DO UPDATE SET sha256 = excluded.sha256, row_count = excluded.row_count, imported_at = now()
                """,
                cancellationToken,
                table,
                sha256,
                file.RowCount).ConfigureAwait(false);
            outcome = ReferenceImportOutcome.Imported;
        }

        await ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO reference_import_log (table_name, file_name, sha256, outcome, row_count, problem_count) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken,
            table,
            file.FileName,
            sha256,
            outcome.ToString().ToLowerInvariant(),
            file.RowCount,
            file.ProblemCount).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// Every reference table, read whole (for <see cref="ReferenceSnapshot.Build"/>), with the version (<see cref="ReadVersionAsync"/>)
    /// of exactly these rows: both come from one snapshot of the database, so an import committing meanwhile cannot give
    /// half old, half new tables, nor new tables under the old version.
    /// </summary>
    public static async Task<(string Version, ReferenceTables Tables)> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            .ConfigureAwait(false);
        var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var tables = new ReferenceTables
        {
            Providers = await ReadAsync(connection, transaction, "SELECT agb, naam, regime, crisisafspraak FROM provider ORDER BY agb",
                r => new ProviderRow(r.GetInt32(0), r.GetString(1), ParseRegime(r.GetString(2)), r.GetBoolean(3)), cancellationToken).ConfigureAwait(false),
            Koppeltabel = await ReadAsync(connection, transaction,
                "SELECT prestatiecodelijst, prestatiecode, omschrijving, zzpcodes, functiecodes, eenheid, prestatiegroep, ingangsdatum, einddatum " +
                "FROM koppeltabel ORDER BY prestatiecodelijst, prestatiecode, ingangsdatum",
                r => new KoppeltabelRow(
                    ParseInt(r.GetString(0)),
                    PrestatieCode.Parse(r.GetString(1)),
                    r.GetString(2),
                    r.GetFieldValue<string[]>(3).Select(ParseInt).ToImmutableArray(),
                    r.GetFieldValue<string[]>(4).Select(ParseInt).ToImmutableArray(),
                    (Tijdseenheid)ParseInt(r.GetString(5)),
                    r.IsDBNull(6) ? null : ParseInt(r.GetString(6)),
                    r.GetFieldValue<DateOnly>(7),
                    r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8)), cancellationToken).ConfigureAwait(false),
            Afspraken = await ReadAsync(connection, transaction, "SELECT agb, jaar, jaarafspraak_cent, geldig_vanaf FROM afspraak ORDER BY agb, jaar, geldig_vanaf",
                r => new AfspraakRow(r.GetInt32(0), r.GetInt16(1), r.GetInt64(2), r.GetFieldValue<DateOnly>(3)), cancellationToken).ConfigureAwait(false),
            Tarieven = await ReadAsync(connection, transaction,
                "SELECT agb, jaar, prestatiecode, tarief_cent, ingevoerd_op FROM tarief ORDER BY agb, jaar, prestatiecode, ingevoerd_op",
                r => new TariefRow(r.GetInt32(0), r.GetInt16(1), PrestatieCode.Parse(r.GetString(2)), r.GetInt64(3), r.GetFieldValue<DateOnly>(4)),
                cancellationToken).ConfigureAwait(false),
            Maz = await ReadAsync(connection, transaction, "SELECT bsn, agb, begindatum, einddatum FROM maz ORDER BY bsn, agb, begindatum",
                r => new MazRow(r.GetInt32(0), r.GetInt32(1), r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3)),
                cancellationToken).ConfigureAwait(false),
            Meerzorg = await ReadAsync(connection, transaction,
                "SELECT bsn, agb, begindatum, einddatum, tarief_cent FROM meerzorg ORDER BY bsn, agb, begindatum",
                r => new MeerzorgRow(r.GetInt32(0), r.GetInt32(1), r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetInt64(4)),
                cancellationToken).ConfigureAwait(false),
            Mndp = await ReadAsync(connection, transaction,
                "SELECT agb, jaar, maand, prestatiecode, aantal, tarief_cent, ingediend_op FROM mndp ORDER BY agb, jaar, maand, prestatiecode, ingediend_op",
                r => new MndpRow(r.GetInt32(0), r.GetInt16(1), r.GetInt16(2), PrestatieCode.Parse(r.GetString(3)), r.GetInt32(4), r.GetInt64(5), r.GetFieldValue<DateOnly>(6)),
                cancellationToken).ConfigureAwait(false),
            Invorderingen = await ReadAsync(connection, transaction, "SELECT agb, jaar, bedrag_cent FROM invordering ORDER BY agb, jaar",
                r => new InvorderingRow(r.GetInt32(0), r.GetInt16(1), r.GetInt64(2)), cancellationToken).ConfigureAwait(false),
            Toewijzingen = await ReadAsync(connection, transaction,
                "SELECT bsn, besluitnummer, toewijzingnummer, zzpcode, functiecode, leveringsvorm, agb, ingangsdatum, einddatum, zorg_begindatum, zorg_einddatum " +
                "FROM toewijzing ORDER BY toewijzingnummer",
                r => new ToewijzingRow(
                    r.GetInt32(0),
                    r.GetInt64(1),
                    r.GetInt64(2),
                    r.GetInt16(3),
                    r.GetInt16(4),
                    (Leveringsvorm)r.GetInt16(5),
                    r.GetInt32(6),
                    r.GetFieldValue<DateOnly>(7),
                    r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
                    r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9),
                    r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10)), cancellationToken).ConfigureAwait(false),
        };
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (version, tables);
    }

    private static async Task<bool> HoldsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, byte[] sha256, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT sha256 FROM reference_import WHERE table_name = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] held && held.AsSpan().SequenceEqual(sha256);
    }

    private static async Task CopyRowsAsync(NpgsqlConnection connection, IReferenceFileResult file, CancellationToken cancellationToken)
    {
        switch (file)
        {
            case ParseResult<ProviderRow> providers:
                await CopyAsync(connection, "provider (agb, naam, regime, crisisafspraak)", providers.Rows, static (w, r) =>
                {
                    w.Write(r.Agb, NpgsqlDbType.Integer);
                    w.Write(r.Naam, NpgsqlDbType.Text);
                    w.Write(FormatRegime(r.Regime), NpgsqlDbType.Text);
                    w.Write(r.Crisisafspraak, NpgsqlDbType.Boolean);
                }, cancellationToken).ConfigureAwait(false);
                break;
            case ParseResult<KoppeltabelRow> koppeltabel:
                await CopyAsync(connection, "koppeltabel (prestatiecodelijst, prestatiecode, omschrijving, zzpcodes, functiecodes, eenheid, prestatiegroep, ingangsdatum, einddatum)",
                    koppeltabel.Rows, static (w, r) =>
                    {
                        w.Write(Digits(r.Prestatiecodelijst, 3), NpgsqlDbType.Text);
                        w.Write(r.Prestatiecode.ToString(), NpgsqlDbType.Text);
                        w.Write(r.Omschrijving, NpgsqlDbType.Text);
                        w.Write(r.Zzpcodes.Select(c => Digits(c, 3)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                        w.Write(r.Functiecodes.Select(c => Digits(c, 2)).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                        w.Write(Digits((int)r.Eenheid, 2), NpgsqlDbType.Text);
                        WriteNullable(w, r.Prestatiegroep?.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                        w.Write(r.Ingangsdatum, NpgsqlDbType.Date);
                        WriteNullable(w, r.Einddatum, NpgsqlDbType.Date);
                    }, cancellationToken).ConfigureAwait(false);
                break;
            case ParseResult<AfspraakRow> afspraken:
                await CopyAsync(connection, "afspraak (agb, jaar, jaarafspraak_cent, geldig_vanaf)", afspraken.Rows, static (w, r) =>
                {
                    w.Write(r.Agb, NpgsqlDbType.Integer);
                    w.Write(checked((short)r.Jaar), NpgsqlDbType.Smallint);
                    w.Write(r.JaarafspraakCent, NpgsqlDbType.Bigint);
                    w.Write(r.GeldigVanaf, NpgsqlDbType.Date);
                }, cancellationToken).ConfigureAwait(false);
                break;
            case ParseResult<TariefRow> tarieven:
                await CopyAsync(connection, "tarief (agb, jaar, prestatiecode, tarief_cent, ingevoerd_op)", tarieven.Rows, static (w, r) =>
                {
                    w.Write(r.Agb, NpgsqlDbType.Integer);
                    w.Write(checked((short)r.Jaar), NpgsqlDbType.Smallint);
                    w.Write(r.Prestatiecode.ToString(), NpgsqlDbType.Text);
                    w.Write(r.TariefCent, NpgsqlDbType.Bigint);
                    w.Write(r.IngevoerdOp, NpgsqlDbType.Date);
                }, cancellationToken).ConfigureAwait(false);
                break;
            case ParseResult<MazRow> maz:
                await CopyAsync(connection, "maz (bsn, agb, begindatum, einddatum)", maz.Rows, static (w, r) =>
                {
                    w.Write(r.Bsn, NpgsqlDbType.Integer);
                    w.Write(r.Agb, NpgsqlDbType.Integer);
                    w.Write(r.Begindatum, NpgsqlDbType.Date);
                    WriteNullable(w, r.Einddatum, NpgsqlDbType.Date);
                }, cancellationToken).ConfigureAwait(false);
                break;
            case ParseResult<MeerzorgRow> meerzorg:
                await CopyAsync(connection, "meerzorg (bsn, agb, begindatum, einddatum, tarief_cent)", meerzorg.Rows, static (w, r) =>
                {
                    w.Write(r.Bsn, NpgsqlDbType.Integer);
                    w.Write(r.Agb, NpgsqlDbType.Integer);
                    w.Write(r.Begindatum, NpgsqlDbType.Date);
                    WriteNullable(w, r.Einddatum, NpgsqlDbType.Date);
                    w.Write(r.TariefCent, NpgsqlDbType.Bigint);
                }, cancellationToken).ConfigureAwait(false);
                break;
            case ParseResult<MndpRow> mndp:
                await CopyAsync(connection, "mndp (agb, jaar, maand, prestatiecode, aantal, tarief_cent, ingediend_op)", mndp.Rows, static (w, r) =>
                {
                    w.Write(r.Agb, NpgsqlDbType.Integer);
                    w.Write(checked((short)r.Jaar), NpgsqlDbType.Smallint);
                    w.Write(checked((short)r.Maand), NpgsqlDbType.Smallint);
                    w.Write(r.Prestatiecode.ToString(), NpgsqlDbType.Text);
                    w.Write(r.Aantal <= int.MaxValue ? (int)r.Aantal : throw new ReferenceStorageException(
                        $"mndp.csv: aantal {r.Aantal} is more than the table holds ({int.MaxValue})"), NpgsqlDbType.Integer);
                    w.Write(r.TariefCent, NpgsqlDbType.Bigint);
                    w.Write(r.IngediendOp, NpgsqlDbType.Date);
                }, cancellationToken).ConfigureAwait(false);
                break;
            case ParseResult<InvorderingRow> invorderingen:
                await CopyAsync(connection, "invordering (agb, jaar, bedrag_cent)", invorderingen.Rows, static (w, r) =>
                {
                    w.Write(r.Agb, NpgsqlDbType.Integer);
                    w.Write(checked((short)r.Jaar), NpgsqlDbType.Smallint);
                    w.Write(r.BedragCent, NpgsqlDbType.Bigint);
                }, cancellationToken).ConfigureAwait(false);
                break;
            case ParseResult<ToewijzingRow> toewijzingen:
                await CopyAsync(connection,
                    "toewijzing (bsn, besluitnummer, toewijzingnummer, zzpcode, functiecode, leveringsvorm, agb, ingangsdatum, einddatum, zorg_begindatum, zorg_einddatum)",
                    toewijzingen.Rows, static (w, r) =>
                    {
                        w.Write(r.Bsn, NpgsqlDbType.Integer);
                        w.Write(r.Besluitnummer, NpgsqlDbType.Bigint);
                        w.Write(r.Toewijzingnummer, NpgsqlDbType.Bigint);
                        w.Write(checked((short)r.Zzpcode), NpgsqlDbType.Smallint);
                        w.Write(checked((short)r.Functiecode), NpgsqlDbType.Smallint);
                        w.Write((short)r.Leveringsvorm, NpgsqlDbType.Smallint);
                        w.Write(r.Agb, NpgsqlDbType.Integer);
                        w.Write(r.Ingangsdatum, NpgsqlDbType.Date);
                        WriteNullable(w, r.Einddatum, NpgsqlDbType.Date);
                        WriteNullable(w, r.ZorgBegindatum, NpgsqlDbType.Date);
                        WriteNullable(w, r.ZorgEinddatum, NpgsqlDbType.Date);
                    }, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"{file.FileName}: no table for rows of this kind", nameof(file));
        }
    }

    private static async Task CopyAsync<TRow>(
        NpgsqlConnection connection, string target, IReadOnlyList<TRow> rows, Action<NpgsqlBinaryImporter, TRow> write, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            write(importer, row);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<TRow>> ReadAsync<TRow>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Func<NpgsqlDataReader, TRow> map, CancellationToken cancellationToken)
    {
        var rows = new List<TRow>();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private static string Digits(int value, int width) => value.ToString(new string('0', width), CultureInfo.InvariantCulture);

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string FormatRegime(Regime regime) => regime switch
    {
        Regime.Werkvoorschot => "werkvoorschot",
        Regime.Achteraf => "achteraf",
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "unknown regime"),
    };

    private static Regime ParseRegime(string text) => text switch
    {
        "werkvoorschot" => Regime.Werkvoorschot,
        "achteraf" => Regime.Achteraf,
        _ => throw new ReferenceStorageException($"provider.regime holds '{text}'"),
    };

    /// <summary>The SHA-256 an import keys a file by: its bytes as they are on disk.</summary>
    public static byte[] HashFile(string path) => System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path));
}

/// <summary>Reference rows that the tables cannot hold, or a table holding what no import writes.</summary>
public sealed class ReferenceStorageException : Exception
{
    public ReferenceStorageException(string message)
        : base(message)
    {
    }

    public ReferenceStorageException()
    {
    }

    public ReferenceStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
