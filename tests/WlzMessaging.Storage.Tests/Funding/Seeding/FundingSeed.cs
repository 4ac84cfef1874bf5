using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using WlzMessaging.Storage.Lines;

namespace WlzMessaging.Testing.Funding;

/// <summary>
/// One declaration line to store: a prestatie of one client, its first day of care (0414, which makes its year), the volume
/// (0418) at a tariff. The approved amount is volume × tariff, negative for a credit line; a rejected line is stored with
/// 8215 and approves nothing.
/// </summary>
public sealed record SeedLine(string Prestatiecode, DateOnly Begin, int Volume, long TariffCents, bool Credit = false, bool Rejected = false)
{
    public long AmountCents => (Credit ? -1 : 1) * (long)Volume * TariffCents;

    public static SeedLine Debit(string prestatiecode, string begin, int volume, long tariffCents) =>
        new(prestatiecode, Day(begin), volume, tariffCents);

    public static SeedLine CreditOf(string prestatiecode, string begin, int volume, long tariffCents) =>
        new(prestatiecode, Day(begin), volume, tariffCents, Credit: true);

    /// <summary>A line of one day that approves exactly <paramref name="cents"/> (negative: a credit line).</summary>
    public static SeedLine Amount(string prestatiecode, string begin, long cents) =>
        new(prestatiecode, Day(begin), 1, Math.Abs(cents), Credit: cents < 0);

    internal static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Puts the rows a run reads straight into the tables (the reference import and the ingestion pipeline are built
/// elsewhere): providers, afspraken, tarieven, MNDP rows, invorderingen, and processed AW319 files with their lines.
/// </summary>
public sealed class FundingSeed(NpgsqlDataSource dataSource)
{
    private int _files;
    private int _references;

    public async Task ProviderAsync(string agb, string regime = "werkvoorschot", bool crisisafspraak = false) =>
        await ExecuteAsync(
            "INSERT INTO provider (agb, naam, regime, crisisafspraak) VALUES ($1, $2, $3, $4)",
            int.Parse(agb, CultureInfo.InvariantCulture), $"Zorgaanbieder {agb}", regime, crisisafspraak);

    public async Task AfspraakAsync(string agb, int year, long cents, string geldigVanaf) =>
        await ExecuteAsync(
            "INSERT INTO afspraak (agb, jaar, jaarafspraak_cent, geldig_vanaf) VALUES ($1, $2, $3, $4)",
            int.Parse(agb, CultureInfo.InvariantCulture), (short)year, cents, SeedLine.Day(geldigVanaf));

    public async Task TariefAsync(string agb, int year, string prestatiecode, long cents, string ingevoerdOp) =>
        await ExecuteAsync(
            "INSERT INTO tarief (agb, jaar, prestatiecode, tarief_cent, ingevoerd_op) VALUES ($1, $2, $3, $4, $5)",
            int.Parse(agb, CultureInfo.InvariantCulture), (short)year, prestatiecode, cents, SeedLine.Day(ingevoerdOp));

    public async Task MndpAsync(string agb, int year, int maand, string prestatiecode, int aantal, long tariefCents, string ingediendOp) =>
        await ExecuteAsync(
            "INSERT INTO mndp (agb, jaar, maand, prestatiecode, aantal, tarief_cent, ingediend_op) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            int.Parse(agb, CultureInfo.InvariantCulture), (short)year, (short)maand, prestatiecode, aantal, tariefCents,
            SeedLine.Day(ingediendOp));

    public async Task InvorderingAsync(string agb, int year, long cents) =>
        await ExecuteAsync(
            "INSERT INTO invordering (agb, jaar, bedrag_cent) VALUES ($1, $2, $3)",
            int.Parse(agb, CultureInfo.InvariantCulture), (short)year, cents);

    /// <summary>A processed AW319 file of the provider received on the day, with its lines; returns the file id.</summary>
    public async Task<long> FileAsync(string agb, string receivedOn, params SeedLine[] lines) =>
        await FileAsync(agb, receivedOn, production: true, lines);

    public async Task<long> FileAsync(string agb, string receivedOn, bool production, params SeedLine[] lines)
    {
        var provider = int.Parse(agb, CultureInfo.InvariantCulture);
        var received = SeedLine.Day(receivedOn);
        var number = Interlocked.Increment(ref _files);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long fileId;
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO vektis_file (sha256, file_name, size_bytes, received_on, status, uzovi, provider_agb, factuurnummer,
                                     soort_bericht, claimed_by, claimed_at, finished_at, line_count, approved_count, rejected_count)
            VALUES ($1, $2, 1000, $3, 'processed', 5501, $4, $5, $6, 'seed', now(), now(), $7, $8, $9)
            RETURNING id
            """,
            connection,
            transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = SHA256.HashData(Encoding.UTF8.GetBytes($"{agb}/{number}/{Guid.NewGuid()}")) });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"AW319_{agb}_{number}.asc" });
            insert.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = received });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = provider });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"F{number:D6}" });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = production ? "P" : "T" });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lines.Length });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lines.Count(l => !l.Rejected) });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lines.Count(l => l.Rejected) });
            fileId = (long)(await insert.ExecuteScalarAsync())!;
        }

        var stored = lines.Select((line, i) =>
        {
            var reference = $"R{Interlocked.Increment(ref _references):D10}";
            return new StoredLine
            {
                FileId = fileId,
                RecordId = i + 1,
                ProviderAgb = provider,
                Bsn = 100_000_000 + i,
                Prestatiecode = line.Prestatiecode,
                BeginDate = line.Begin,
                EndDate = line.Begin,
                Volume = line.Volume,
                TariffCents = line.TariffCents,
                AppliedTariffCents = line.TariffCents,
                DeclaredCents = line.AmountCents,
                ApprovedCents = line.Rejected ? 0 : line.AmountCents,
                DebitCredit = line.Credit ? 'C' : 'D',
                Referentienummer = reference,
                VoorgaandReferentienummer = line.Credit ? "V" + reference : null,
                Retourcode1 = line.Rejected ? (short)8215 : (short)8001,
                ReceivedOn = received,
                Production = production,
            };
        }).ToArray();
        await DeclarationLineWriter.WriteAsync(connection, transaction, stored, ExistingLines.Fail);
        await transaction.CommitAsync();
        return fileId;
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
