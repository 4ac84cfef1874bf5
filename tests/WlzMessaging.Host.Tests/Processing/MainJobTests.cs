using Dapper;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary>The main job of README.md: the shipped reference data and sample AW319s, in one command.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MainJobTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_shipped_samples_are_the_ones_the_builder_makes()
    {
        var write = Environment.GetEnvironmentVariable("WLZ_WRITE_SAMPLES") == "1";
        foreach (var sample in SampleAw319.Files)
        {
            var path = Path.Combine(SampleAw319.Directory, sample.FileName);
            var bytes = SampleAw319.Build(sample);
            if (write)
            {
                Directory.CreateDirectory(SampleAw319.Directory);
                await File.WriteAllBytesAsync(path, bytes);
            }

            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        }

        Assert.Equal(SampleAw319.Files.Select(f => f.FileName).Order(StringComparer.Ordinal), Mailbox.Names(SampleAw319.Directory, "*.aw319"));
    }

    [Fact]
    public async Task The_README_main_job_imports_the_reference_data_and_answers_every_sample_line()
    {
        var outcome = await Wlz.RunAsync(
            "process", SampleAw319.Directory, "--reference", RepositoryRoot.Combine("testdata", "reference"),
            "--out", Temp.File("aw320"), "--received", "2025-02-10", "--uzovi", $"{SampleAw319.Uzovi}", "--connection", Database.ConnectionString);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal("", outcome.Error);
        var lines = outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9 + SampleAw319.Files.Count, lines.Length); // a line per reference file (nine with toewijzingen.csv)
        foreach (var sample in SampleAw319.Files)
        {
            var count = sample.Clients.Sum(c => c.Lines.Count);
            var money = Money.DebetCredit(SampleAw319.Total(sample));
            Assert.Contains(lines, l => l.StartsWith(
                $"{sample.FileName}: {count} lines, {count} approved, 0 rejected; declared EUR {money}, approved EUR {money}; AW320 ",
                StringComparison.Ordinal));
            Assert.True(File.Exists(Temp.File($"aw320/{Path.GetFileNameWithoutExtension(sample.FileName)}.aw320")));
        }

        await using var connection = await Database.OpenConnectionAsync();
        Assert.Equal(5L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line WHERE approved"));
    }
}
