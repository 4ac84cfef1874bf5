using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Lines;

namespace WlzMessaging.Testing;

/// <summary>Rows of vektis_file and declaration_line made up for tests.</summary>
public static class StoredFiles
{
    public static readonly DateOnly ReceivedOn = new(2024, 3, 4);

    static StoredFiles() => DapperTypeHandlers.Register();

    /// <summary>Inserts a processed production file and returns its id.</summary>
    public static Task<long> InsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction = null,
        string? content = null,
        int providerAgb = 41000001,
        string factuurnummer = "F2024-0001",
        string status = "processed",
        char soortBericht = 'P') =>
        connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO vektis_file (sha256, file_name, size_bytes, received_on, status, uzovi, provider_agb, factuurnummer,
                                     soort_bericht, claimed_by, claimed_at, finished_at)
            VALUES (@Sha256, 'test.aw319', 1000, @ReceivedOn, @Status, 5501, @ProviderAgb, @Factuurnummer,
                    @SoortBericht, 'test', now(), now())
            RETURNING id
            """,
            new
            {
                Sha256 = SHA256.HashData(Encoding.UTF8.GetBytes(content ?? Guid.NewGuid().ToString())),
                ReceivedOn,
                Status = status,
                ProviderAgb = providerAgb,
                Factuurnummer = factuurnummer,
                SoortBericht = soortBericht.ToString(),
            },
            transaction);

    /// <summary>
    /// <paramref name="count"/> lines of one file: every tenth a credit of the line before it, every seventh rejected with
    /// two codes, the rest approved debits.
    /// </summary>
    public static IEnumerable<StoredLine> Lines(long fileId, int count, int providerAgb = 41000001, int firstRecordId = 1)
    {
        for (var i = 0; i < count; i++)
        {
            var recordId = firstRecordId + i;
            var credit = recordId % 10 == 0;
            var rejected = !credit && recordId % 7 == 0;
            var declared = 12_345L * (1 + (recordId % 3));
            var begin = new DateOnly(2024, 1, 1).AddDays(recordId % 28);
            yield return new StoredLine
            {
                FileId = fileId,
                RecordId = recordId,
                ProviderAgb = providerAgb,
                Bsn = 100_000_000 + recordId,
                Prestatiecode = recordId % 2 == 0 ? "Z015" : "H126",
                BeginDate = begin,
                EndDate = begin.AddDays(2),
                Volume = 1 + (recordId % 3),
                TariffCents = 12_345,
                AppliedTariffCents = 12_345,
                DeclaredCents = credit ? -declared : declared,
                ApprovedCents = rejected ? 0 : credit ? -declared : declared,
                DebitCredit = credit ? 'C' : 'D',
                Referentienummer = $"REF{fileId:D6}{recordId:D8}",
                VoorgaandReferentienummer = credit ? $"REF{fileId:D6}{recordId - 1:D8}" : null,
                Retourcode1 = rejected ? (short)8215 : (short)8001,
                Retourcode2 = rejected ? (short)611 : (short)0,
                ReceivedOn = ReceivedOn,
                Production = true,
            };
        }
    }
}
