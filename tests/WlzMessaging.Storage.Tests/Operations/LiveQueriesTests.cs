using WlzMessaging.Storage.Operations;
using WlzMessaging.Storage.Workers;
using WlzMessaging.Testing;

namespace WlzMessaging.Storage.Tests.Operations;

[Collection(PostgresCollection.Name)]
public sealed class LiveQueriesTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const int Linde = 73730001;
    private const int Baken = 73730002;

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await fixture.CreateDatabaseAsync();
        var source = _database.DataSource;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly care = new(today.Year, 1, 6);
        await OperationsSeed.ProviderAsync(source, Linde, "Zorggroep De Linde");
        var now = DateTimeOffset.UtcNow;
        await OperationsSeed.FileAsync(source, new SeedFile
        {
            Name = "recent-1.asc",
            Provider = Linde,
            ReceivedOn = today,
            FinishedAt = now.AddMinutes(-10),
            Lines = [OperationsSeedLine.Approve(care, 1_000), OperationsSeedLine.Approve(care, 2_000), OperationsSeedLine.Reject(care, 500, 8290)],
        });
        await OperationsSeed.FileAsync(source, new SeedFile
        {
            Name = "recent-2.asc",
            Provider = Baken,
            ReceivedOn = today,
            FinishedAt = now.AddMinutes(-2),
            Lines = [OperationsSeedLine.Reject(care, 700, 8290, 8226)],
        });
        await OperationsSeed.FileAsync(source, new SeedFile
        {
            Name = "old.asc",
            Provider = Linde,
            ReceivedOn = today.AddDays(-3),
            FinishedAt = now.AddDays(-3),
            Lines = [OperationsSeedLine.Reject(care, 700, 8614)],
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_dashboard_reads_throughput_answers_providers_and_codes_of_the_window()
    {
        var rows = await new LiveQueries(_database.DataSource).ReadDashboardAsync(TimeSpan.FromHours(24));

        Assert.Equal(4, rows.LastHour.Sum(m => m.Lines));
        Assert.Equal(2, rows.LastHour.Sum(m => m.Files));
        Assert.Equal(new Aw320Counts(3, 2, 2), rows.Aw320);
        Assert.Equal("recent-2.aw320", rows.LastAnswer?.Aw320Name);
        Assert.Equal([(10, 1L, 3L), (2, 1L, 1L)], rows.LastHour.Select(m => (m.MinutesAgo, m.Files, m.Lines)).OrderByDescending(m => m.MinutesAgo));

        var linde = Assert.Single(rows.Providers, p => p.ProviderAgb == Linde);
        Assert.Equal(("Zorggroep De Linde", 1L, 3L, 2L, 1L), (linde.ProviderName, linde.Files, linde.Lines, linde.ApprovedLines, linde.RejectedLines));
        Assert.Equal([(8290, 2L), (8226, 1L)], rows.Rejections.Where(c => c.IsTotal).Select(c => ((int)c.Code, c.Count)));
    }

    [Fact]
    public async Task Status_reads_the_server_the_file_in_hand_and_the_last_answer()
    {
        await new WorkerStatusStore(_database.DataSource).WriteAsync(
            new WorkerStatus("w", "h", 1, "/inbox", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5), WorkerState.Processing, 3, "busy.asc", DateTimeOffset.UtcNow));
        await new NightlyRunStore(_database.DataSource).BeginAsync(new DateOnly(2025, 1, 2));

        var rows = await new LiveQueries(_database.DataSource).ReadStatusAsync();

        Assert.Matches(@"^[0-9]+\.[0-9]+", rows.ServerVersion);
        Assert.Equal("busy.asc", Assert.Single(rows.Workers).CurrentFile);
        Assert.Equal("recent-2.aw320", rows.LastAnswer?.Aw320Name);
        Assert.True(Assert.Single(rows.Workers).Running);
        Assert.Equal(new DateOnly(2025, 1, 2), rows.LastNightly?.Date);
    }
}
