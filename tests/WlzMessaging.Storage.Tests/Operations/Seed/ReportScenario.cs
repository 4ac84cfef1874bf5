using Npgsql;

namespace WlzMessaging.Testing;

/// <summary>
/// A month of files with known figures, for the report's tests: March 2025, judged on 5 April 2025. Provider 73730001
/// (Zorggroep De Linde) and 73730002 (Stichting Het Baken), a quarantined file, a test file and a file outside the month.
/// </summary>
public static class ReportScenario
{
    public const int Linde = 73730001;
    public const int Baken = 73730002;

    public static readonly DateOnly From = new(2025, 3, 1);
    public static readonly DateOnly To = new(2025, 3, 31);
    public static readonly DateOnly Today = new(2025, 4, 5);

    private static readonly DateOnly Feb = new(2025, 2, 3);

    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await OperationsSeed.ProviderAsync(dataSource, Linde, "Zorggroep De Linde");
        await OperationsSeed.ProviderAsync(dataSource, Baken, "Stichting Het Baken");

        // 1: on time, answered in 2 days; 3 approved, one 8290, one 8215+0611.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "linde-feb.asc",
            Provider = Linde,
            ReceivedOn = new(2025, 3, 3),
            PeriodEnd = new(2025, 2, 28),
            FinishedAt = At(2025, 3, 5, 10),
            Lines =
            [
                OperationsSeedLine.Approve(Feb, 10_000), OperationsSeedLine.Approve(Feb, 20_000), OperationsSeedLine.Approve(Feb, 30_000),
                OperationsSeedLine.Reject(Feb, 5_000, 8290), OperationsSeedLine.Reject(Feb, 6_000, 8215, 611),
            ],
        });

        // 2: January's declaration received 4 March, after its deadline of 25 February; answered in 8 days.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "linde-jan.asc",
            Provider = Linde,
            ReceivedOn = new(2025, 3, 4),
            PeriodEnd = new(2025, 1, 31),
            FinishedAt = At(2025, 3, 12, 9),
            Lines = [OperationsSeedLine.Approve(new(2025, 1, 6), 40_000), OperationsSeedLine.Approve(new(2025, 1, 6), 50_000), OperationsSeedLine.Reject(new(2025, 1, 6), 7_000, 8290)],
        });

        // 3: period unknown (0115 not stored); answered the next day.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "baken-1.asc",
            Provider = Baken,
            ReceivedOn = new(2025, 3, 10),
            FinishedAt = At(2025, 3, 11, 15),
            Lines = [OperationsSeedLine.Approve(Feb, 11_000), OperationsSeedLine.Reject(Feb, 1_000, 8290), OperationsSeedLine.Reject(Feb, 2_000, 8226)],
        });

        // 4: rejected as a whole (0001, 0030); its AW320 written at 00:30 Amsterdam time on the 12th (23:30 UTC on the 11th).
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "baken-2.asc",
            Provider = Baken,
            Status = "rejected",
            ReceivedOn = new(2025, 3, 11),
            PeriodEnd = new(2025, 2, 28),
            FinishedAt = new DateTimeOffset(2025, 3, 12, 0, 30, 0, TimeSpan.FromHours(1)),
            FileCodes = [1, 30],
        });

        // 5: claimed on 2 March and never finished: waiting 34 days on 5 April.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "linde-stuck.asc",
            Provider = Linde,
            Status = "claimed",
            ReceivedOn = new(2025, 3, 2),
            PeriodEnd = new(2025, 2, 28),
        });

        // 6: answered after 23 days, over the limit.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "baken-3.asc",
            Provider = Baken,
            ReceivedOn = new(2025, 3, 5),
            PeriodEnd = new(2025, 2, 28),
            FinishedAt = At(2025, 3, 28, 11),
            Lines = [OperationsSeedLine.Approve(Feb, 12_000)],
        });

        // 7: not a Vektis file.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "garbage.bin",
            Provider = null,
            Status = "quarantined",
            ReceivedOn = new(2025, 3, 6),
            FinishedAt = At(2025, 3, 6, 8),
        });

        // 8: a test file of January, received late, answered the same day: late does not apply to tests.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "linde-test.asc",
            Provider = Linde,
            SoortBericht = 'T',
            ReceivedOn = new(2025, 3, 7),
            PeriodEnd = new(2025, 1, 31),
            FinishedAt = At(2025, 3, 7, 16),
            Lines = [OperationsSeedLine.Approve(Feb, 99_000)],
        });

        // 9: received in February: outside the period.
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "linde-early.asc",
            Provider = Linde,
            ReceivedOn = new(2025, 2, 20),
            PeriodEnd = new(2025, 1, 31),
            FinishedAt = At(2025, 2, 21, 9),
            Lines = [OperationsSeedLine.Reject(new(2025, 1, 6), 1_000, 8614)],
        });
    }

    /// <summary>A time of day in Amsterdam (CET in these months).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(1));
}
