using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using WlzMessaging.Storage.Lines;

namespace WlzMessaging.Testing;

/// <summary>A declaration line to seed: what the operators' views read of it. Every line gets its own BSN.</summary>
public sealed record OperationsSeedLine(string Prestatiecode, DateOnly Begin, long Cents, short Code1 = 8001, short Code2 = 0, short Code3 = 0, char DebitCredit = 'D')
{
    public bool Approved => Code1 == 8001;

    public static OperationsSeedLine Approve(DateOnly begin, long cents, string prestatiecode = "Z015") => new(prestatiecode, begin, cents);

    public static OperationsSeedLine Credit(DateOnly begin, long cents, string prestatiecode = "Z015") => new(prestatiecode, begin, -cents, DebitCredit: 'C');

    public static OperationsSeedLine Reject(DateOnly begin, long cents, short code1, short code2 = 0, short code3 = 0) =>
        new("Z015", begin, cents, code1, code2, code3);
}

/// <summary>A received file to seed, with its outcome, its lines and (when answered) its AW320.</summary>
public sealed record SeedFile
{
    public required string Name { get; init; }

    public int? Provider { get; init; } = 73730001;

    public string Status { get; init; } = "processed";

    public char SoortBericht { get; init; } = 'P';

    public required DateOnly ReceivedOn { get; init; }

    /// <summary>0115; null leaves the period unknown.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>When the outcome committed; default now. Ignored for a claimed file.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the AW320 was written; default <see cref="FinishedAt"/>. Only processed and rejected files get one.</summary>
    public DateTimeOffset? Aw320At { get; init; }

    public IReadOnlyList<OperationsSeedLine> Lines { get; init; } = [];

    /// <summary>The file-level codes of a file rejected as a whole.</summary>
    public short[] FileCodes { get; init; } = [];
}

/// <summary>Rows of vektis_file, declaration_line, aw320 and the reference tables made up for the operations tests.</summary>
public static class OperationsSeed
{
    /// <summary>The BSNs the seeded lines carry: 9 digits starting 9990, which no view may ever show.</summary>
    public const int FirstBsn = 999_000_001;

    private static int s_bsn = FirstBsn;
    private static int s_invoice;

    public static int NextBsn() => Interlocked.Increment(ref s_bsn);

    /// <summary>Inserts the file (and its lines and AW320) in one transaction; returns its id.</summary>
    public static async Task<long> FileAsync(NpgsqlDataSource dataSource, SeedFile file)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await FileAsync(connection, transaction, file);
        await transaction.CommitAsync();
        return id;
    }

    public static async Task<long> FileAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SeedFile file)
    {
        var finished = file.FinishedAt ?? DateTimeOffset.UtcNow;
        var claimed = file.Status == "claimed";
        var lines = file.Status == "processed" ? file.Lines : [];
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO vektis_file (sha256, file_name, size_bytes, received_on, status, uzovi, provider_agb, factuurnummer,
                                     soort_bericht, retourcodes, line_count, approved_count, rejected_count, declared_cents,
                                     approved_cents, claimed_by, claimed_at, finished_at, period_end)
            VALUES ($1, $2, 1000, $3, $4, 5501, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'seed:1', $14, $15, $16)
            RETURNING id
            """,
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = SHA256.HashData(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())) });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = file.Name });
        insert.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = file.ReceivedOn });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = file.Status });
        insert.Parameters.Add(Nullable(file.Provider, NpgsqlDbType.Integer));
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"F{Interlocked.Increment(ref s_invoice):D8}" });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = file.SoortBericht.ToString() });
        insert.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = file.FileCodes });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lines.Count });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lines.Count(l => l.Approved) });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lines.Count(l => !l.Approved) });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lines.Sum(l => l.Cents) });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lines.Where(l => l.Approved).Sum(l => l.Cents) });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = (claimed ? DateTimeOffset.UtcNow : finished.AddMinutes(-1)).ToUniversalTime() });
        insert.Parameters.Add(Nullable(claimed ? (DateTimeOffset?)null : finished.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        insert.Parameters.Add(Nullable(file.PeriodEnd, NpgsqlDbType.Date));
        var id = (long)(await insert.ExecuteScalarAsync())!;

        if (lines.Count > 0)
        {
            await DeclarationLineWriter.WriteAsync(connection, transaction, lines.Select((l, i) => new StoredLine
            {
                FileId = id,
                RecordId = i + 1,
                ProviderAgb = file.Provider ?? 0,
                Bsn = NextBsn(),
                Prestatiecode = l.Prestatiecode,
                BeginDate = l.Begin,
                EndDate = l.Begin.AddDays(Math.Min(27, DateTime.DaysInMonth(l.Begin.Year, l.Begin.Month) - l.Begin.Day)),
                Volume = 1,
                TariffCents = Math.Abs(l.Cents),
                AppliedTariffCents = Math.Abs(l.Cents),
                DeclaredCents = l.Cents,
                ApprovedCents = l.Approved ? l.Cents : 0,
                DebitCredit = l.DebitCredit,
                Referentienummer = $"R{id:D6}{i:D6}",
                VoorgaandReferentienummer = l.DebitCredit == 'C' ? $"X{id:D6}{i:D6}" : null,
                Retourcode1 = l.Code1,
                Retourcode2 = l.Code2,
                Retourcode3 = l.Code3,
                ReceivedOn = file.ReceivedOn,
                Production = file.SoortBericht == 'P',
            }));
        }

        if (file.Status is "processed" or "rejected")
        {
            await using var aw320 = new NpgsqlCommand(
                "INSERT INTO aw320 (file_id, file_name, sha256, size_bytes, content, written_at) VALUES ($1, $2, $3, 3, $4, $5)",
                connection,
                transaction);
            aw320.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            aw320.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Path.ChangeExtension(file.Name, ".aw320") });
            aw320.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = SHA256.HashData(BitConverter.GetBytes(id)) });
            aw320.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = "AW3"u8.ToArray() });
            aw320.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = (file.Aw320At ?? finished).ToUniversalTime() });
            await aw320.ExecuteNonQueryAsync();
        }

        return id;
    }

    public static async Task ProviderAsync(NpgsqlDataSource dataSource, int agb, string naam)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO provider (agb, naam, regime, crisisafspraak) VALUES ($1, $2, 'werkvoorschot', false)");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = agb });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = naam });
        await command.ExecuteNonQueryAsync();
    }

    public static async Task AfspraakAsync(NpgsqlDataSource dataSource, int agb, short jaar, long cents, DateOnly geldigVanaf)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO afspraak (agb, jaar, jaarafspraak_cent, geldig_vanaf) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = agb });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = jaar });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cents });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = geldigVanaf });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every BSN the seeded lines of a database carry, to check that no view shows one.</summary>
    public static async Task<IReadOnlyList<int>> BsnsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT bsn FROM declaration_line");
        await using var reader = await command.ExecuteReaderAsync();
        var bsns = new List<int>();
        while (await reader.ReadAsync())
        {
            bsns.Add(reader.GetInt32(0));
        }

        return bsns;
    }

    private static NpgsqlParameter Nullable<T>(T? value, NpgsqlDbType type)
        where T : struct =>
        new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = type };
}
