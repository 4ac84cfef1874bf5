using Npgsql;
using WlzMessaging.Storage.Operations;
using WlzMessaging.Storage.Workers;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Operations;

/// <summary>
/// A worker's last hour: files of two providers processed minutes ago (lines approved and rejected for 8290, 8226, 0611), a
/// file rejected as a whole, a file in work, a running worker with 7 files in its inbox, and last night's run whose report
/// (wrongly) holds a BSN.
/// </summary>
internal static class DashboardScenario
{
    public const int Linde = 73730001;
    public const int Baken = 73730002;

    /// <summary>The BSN the nightly report carries; the dashboard must hide it.</summary>
    public const string NightlyBsn = "999123455";

    public const string WorkerId = "wlz-1:4242:20260101T080000.000";

    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await OperationsSeed.ProviderAsync(dataSource, Linde, "Zorggroep De Linde");
        await OperationsSeed.ProviderAsync(dataSource, Baken, "Stichting Het Baken");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var care = new DateOnly(today.Year, 1, 6);

        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "AW319_linde_001.asc",
            Provider = Linde,
            ReceivedOn = today,
            FinishedAt = now.AddMinutes(-20),
            Lines =
            [
                .. Enumerable.Repeat(OperationsSeedLine.Approve(care, 10_000), 40),
                .. Enumerable.Repeat(OperationsSeedLine.Reject(care, 10_000, 8290), 6),
                OperationsSeedLine.Reject(care, 10_000, 8215, 611),
            ],
        });
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "AW319_baken_001.asc",
            Provider = Baken,
            ReceivedOn = today,
            FinishedAt = now.AddMinutes(-5),
            Lines = [.. Enumerable.Repeat(OperationsSeedLine.Approve(care, 5_000), 10), .. Enumerable.Repeat(OperationsSeedLine.Reject(care, 5_000, 8226), 3)],
        });
        await OperationsSeed.FileAsync(dataSource, new SeedFile
        {
            Name = "AW319_baken_002.asc",
            Provider = Baken,
            Status = "rejected",
            ReceivedOn = today,
            FinishedAt = now.AddMinutes(-3),
            FileCodes = [1, 30],
        });
        // The file in hand: its worker's row says so (its own row in vektis_file is not committed until it is done).
        await new WorkerStatusStore(dataSource).WriteAsync(new WorkerStatus(
            WorkerId, "wlz-1", 4242, "/srv/wlz/inbox", now.AddHours(-2), TimeSpan.FromMinutes(10), WorkerState.Processing, 7, "AW319_linde_002.asc", now.AddSeconds(-30),
            FilesAnswered: 3));

        var nightly = new NightlyRunStore(dataSource);
        var lastNight = today.AddDays(-1);
        await nightly.BeginAsync(lastNight);
        await nightly.FinishAsync(lastNight, $$"""
            {"creditsMatched": 14, "tariffCorrections": 2, "lateMaz": [{"agb": 73730001, "bsn": {{NightlyBsn}}, "lines": 3}]}
            """);
    }
}
