using Npgsql;

namespace WlzMessaging.Testing;

/// <summary>
/// Care year 2025 up to April for the feedback's tests. De Linde (73730001) has an agreement revised on 15 March and again
/// on 1 May; Het Baken (73730002) an agreement and no production; 73730003 production and no agreement nor provider row.
/// </summary>
public static class FeedbackScenario
{
    public const int Linde = 73730001;
    public const int Baken = 73730002;
    public const int Unknown = 73730003;

    public static readonly DateOnly Month = new(2025, 4, 1);

    /// <summary>De Linde's approved production of 2025 received by 30 April: January 200,000 (net of a credit), February 300,000, March 150,000.</summary>
    public const long LindeProduction = 650_000;

    /// <summary>De Linde's agreement in force on 30 April: the revision of 15 March.</summary>
    public const long LindeAgreement = 1_200_000;

    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await OperationsSeed.ProviderAsync(dataSource, Linde, "Zorggroep De Linde");
        await OperationsSeed.ProviderAsync(dataSource, Baken, "Stichting Het Baken");
        await OperationsSeed.AfspraakAsync(dataSource, Linde, 2025, 1_000_000, new(2025, 1, 1));
        await OperationsSeed.AfspraakAsync(dataSource, Linde, 2025, LindeAgreement, new(2025, 3, 15));
        await OperationsSeed.AfspraakAsync(dataSource, Linde, 2025, 1_500_000, new(2025, 5, 1));
        await OperationsSeed.AfspraakAsync(dataSource, Linde, 2024, 9_000_000, new(2024, 1, 1));
        await OperationsSeed.AfspraakAsync(dataSource, Baken, 2025, 500_000, new(2025, 1, 1));

        DateOnly jan = new(2025, 1, 6), feb = new(2025, 2, 3), mar = new(2025, 3, 3), apr = new(2025, 4, 1);
        await File(dataSource, Linde, new(2025, 2, 10), OperationsSeedLine.Approve(jan, 100_000), OperationsSeedLine.Approve(jan, 200_000), OperationsSeedLine.Reject(jan, 50_000, 8290));
        await File(dataSource, Linde, new(2025, 3, 12), OperationsSeedLine.Approve(feb, 300_000), OperationsSeedLine.Credit(jan, 100_000), OperationsSeedLine.Reject(feb, 10_000, 8226, 8290));
        await File(dataSource, Linde, new(2025, 4, 8), OperationsSeedLine.Approve(mar, 150_000), OperationsSeedLine.Reject(mar, 20_000, 8290));

        // After the month: not yet counted.
        await File(dataSource, Linde, new(2025, 5, 3), OperationsSeedLine.Approve(apr, 999_000), OperationsSeedLine.Reject(apr, 1_000, 8614));

        // A test file: never counted.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "test.asc",
            Provider = Linde,
            SoortBericht = 'T',
            ReceivedOn = new(2025, 4, 9),
            Lines = [OperationsSeedLine.Approve(mar, 777_000), OperationsSeedLine.Reject(mar, 1_000, 8021)],
        });

        // Care of 2024 received in April 2025: not 2025's production; its rejection is April's.
        await File(dataSource, Linde, new(2025, 4, 10), OperationsSeedLine.Approve(new(2024, 12, 2), 55_000), OperationsSeedLine.Reject(new(2024, 12, 2), 5_000, 8288));

        await File(dataSource, Unknown, new(2025, 4, 1), OperationsSeedLine.Approve(mar, 10_000));
    }

    private static Task<long> File(NpgsqlDataSource dataSource, int agb, DateOnly receivedOn, params OperationsSeedLine[] lines) =>
        OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = $"{agb}-{receivedOn:yyyyMMdd}.asc",
            Provider = agb,
            ReceivedOn = receivedOn,
            Lines = lines,
            FinishedAt = new DateTimeOffset(receivedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(1)),
        });
}
