using Dapper;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Reference;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary><c>wlz reference import</c> and the in-memory snapshot built from what it stored.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReferenceImportTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly string[] Tables = ["provider", "koppeltabel", "afspraak", "tarief", "maz", "meerzorg", "mndp", "invordering", "toewijzing"];

    private Task<Wlz.Outcome> ImportAsync(string directory) =>
        Wlz.RunAsync("reference", "import", directory, "--connection", Database.ConnectionString);

    private string CopyOfSample()
    {
        var directory = Temp.File("reference");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("testdata", "reference")))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
        }

        return counts;
    }

    [Fact]
    public async Task The_sample_set_is_imported_whole_and_reads_back_as_the_rows_parsed()
    {
        var directory = RepositoryRoot.Combine("testdata", "reference");

        var outcome = await ImportAsync(directory);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal("", outcome.Error);
        Assert.Contains("providers.csv: 3 rows imported into provider\n", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("tarieven.csv: 14 rows imported into tarief\n", outcome.Out, StringComparison.Ordinal);
        Assert.Equal(9, outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var parsed = ReferenceDataSet.Load(directory).ToTables();
        await using var connection = await Database.OpenConnectionAsync();
        var (version, stored) = await ReferenceRepository.LoadAsync(connection);
        Assert.Equal(9, version.Split(',').Length);
        Assert.Equal(parsed.Providers.OrderBy(r => r.Agb), stored.Providers);
        Assert.Equal(parsed.Koppeltabel.OrderBy(r => r.Prestatiecode).ThenBy(r => r.Ingangsdatum), stored.Koppeltabel.OrderBy(r => r.Prestatiecode).ThenBy(r => r.Ingangsdatum));
        Assert.Equal(parsed.Afspraken.ToHashSet(), stored.Afspraken.ToHashSet());
        Assert.Equal(parsed.Tarieven.ToHashSet(), stored.Tarieven.ToHashSet());
        Assert.Equal(parsed.Maz.ToHashSet(), stored.Maz.ToHashSet());
        Assert.Equal(parsed.Meerzorg.ToHashSet(), stored.Meerzorg.ToHashSet());
        Assert.Equal(parsed.Mndp.ToHashSet(), stored.Mndp.ToHashSet());
        Assert.Equal(parsed.Invorderingen.ToHashSet(), stored.Invorderingen.ToHashSet());
        Assert.Equal(parsed.Toewijzingen.OrderBy(r => r.Toewijzingnummer), stored.Toewijzingen);
    }

    [Fact]
    public async Task The_published_forms_replace_the_koppeltabel_and_the_toewijzingen_with_the_same_rows()
    {
        var csv = RepositoryRoot.Combine("testdata", "reference");
        var published = RepositoryRoot.Combine("testdata", "published");
        Assert.Equal(ExitCodes.Ok, (await ImportAsync(csv)).ExitCode);

        var outcome = await ImportAsync(published);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal(
            ["koppeltabel.xlsx: 12 rows imported into koppeltabel", "iwlz: 6 rows imported into toewijzing"],
            outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var parsed = ReferenceDataSet.Load(csv).ToTables();
        await using var connection = await Database.OpenConnectionAsync();
        var (_, stored) = await ReferenceRepository.LoadAsync(connection);
        Assert.Equal(parsed.Koppeltabel.OrderBy(r => r.Prestatiecode).ThenBy(r => r.Ingangsdatum), stored.Koppeltabel.OrderBy(r => r.Prestatiecode).ThenBy(r => r.Ingangsdatum));
        Assert.Equal(parsed.Toewijzingen.OrderBy(r => r.Toewijzingnummer), stored.Toewijzingen);

        var again = await ImportAsync(published);
        Assert.Equal(["koppeltabel.xlsx: unchanged (12 rows already in koppeltabel)", "iwlz: unchanged (6 rows already in toewijzing)"],
            again.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_bad_spreadsheet_row_or_message_is_reported_by_file_and_place_and_leaves_its_table_as_it_was()
    {
        var directory = Temp.File("published");
        Directory.CreateDirectory(Path.Combine(directory, "iwlz"));
        await using (var xlsx = File.Create(Path.Combine(directory, "koppeltabel.xlsx")))
        {
            WlzMessaging.Reference.Xlsx.KoppeltabelXlsxWriter.WriteCells(xlsx,
            [
                ["055", 1, "Z015", "ZZP 1VV", "001", "etmaal", null, new DateOnly(2015, 1, 1), null, 36, null],
                ["055", 2, "H126", "Persoonlijke verzorging", null, "per week", "02", new DateOnly(2015, 1, 1), null, 6, null],
            ]);
        }

        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("testdata", "published", "iwlz")))
        {
            var text = await File.ReadAllTextAsync(file);
            await File.WriteAllTextAsync(Path.Combine(directory, "iwlz", Path.GetFileName(file)),
                text.Replace("<Leveringsvorm>4</Leveringsvorm>", "<Leveringsvorm>1</Leveringsvorm>", StringComparison.Ordinal));
        }

        Assert.Equal(ExitCodes.Ok, (await ImportAsync(RepositoryRoot.Combine("testdata", "reference"))).ExitCode);
        var before = await CountsAsync();

        var outcome = await ImportAsync(directory);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Contains("koppeltabel.xlsx:4: F (eenheid): unknown unit \"per week\"", outcome.Error, StringComparison.Ordinal);
        Assert.Matches(@"iwlz/aw33-73730001\.xml:\d+: ToegewezenZorgzwaartepakket/Leveringsvorm: not a code of LDT_Leveringsvorm \(2, 4, 5, 7, 8, 9\): ""1""", outcome.Error);
        Assert.DoesNotContain("99999", outcome.Error + outcome.Out, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Importing_the_same_directory_twice_changes_nothing()
    {
        var directory = RepositoryRoot.Combine("testdata", "reference");
        Assert.Equal(ExitCodes.Ok, (await ImportAsync(directory)).ExitCode);
        await using var connection = await Database.OpenConnectionAsync();
        var before = (await connection.QueryAsync<(string, byte[], int, DateTime)>(
            "SELECT table_name, sha256, row_count, imported_at FROM reference_import ORDER BY table_name")).ToList();
        var countsBefore = await CountsAsync();
        var ctidsBefore = await connection.ExecuteScalarAsync<string>("SELECT string_agg(ctid::text, ',' ORDER BY ctid) FROM tarief");

        var again = await ImportAsync(directory);

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("providers.csv: unchanged (3 rows already in provider)\n", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("imported", again.Out, StringComparison.Ordinal);
        var after = (await connection.QueryAsync<(string, byte[], int, DateTime)>(
            "SELECT table_name, sha256, row_count, imported_at FROM reference_import ORDER BY table_name")).ToList();
        Assert.Equal(before.Select(r => (r.Item1, Convert.ToHexString(r.Item2), r.Item3, r.Item4)), after.Select(r => (r.Item1, Convert.ToHexString(r.Item2), r.Item3, r.Item4)));
        Assert.Equal(countsBefore, await CountsAsync());
        Assert.Equal(ctidsBefore, await connection.ExecuteScalarAsync<string>("SELECT string_agg(ctid::text, ',' ORDER BY ctid) FROM tarief"));
    }

    [Fact]
    public async Task A_bad_file_is_reported_line_by_line_and_leaves_its_table_as_it_was_while_good_files_go_in()
    {
        var directory = CopyOfSample();
        Assert.Equal(ExitCodes.Ok, (await ImportAsync(directory)).ExitCode);
        var tarievenBefore = await CountsAsync();

        // A changed providers.csv (valid), and a tarieven.csv with two bad rows.
        await File.AppendAllTextAsync(Path.Combine(directory, "providers.csv"), "73730004;Zorghuis Nieuw;achteraf;nee\n");
        var tarieven = await File.ReadAllLinesAsync(Path.Combine(directory, "tarieven.csv"));
        tarieven[2] = "73730001;2024;V015;12,50;2023-12-01";
        tarieven[4] = "73730001;2025;Z015;14895;2025-02-30";
        await File.WriteAllLinesAsync(Path.Combine(directory, "tarieven.csv"), tarieven);

        var outcome = await ImportAsync(directory);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Equal(
            [
                "tarieven.csv:3: tarief_cent: not a whole number of cents: \"12,50\"",
                "tarieven.csv:5: ingevoerd_op: not a date YYYY-MM-DD: \"2025-02-30\"",
                "wlz reference import: 1 of 9 reference files invalid (tarieven.csv): their tables are unchanged",
            ],
            outcome.ErrorLines);
        Assert.Contains("providers.csv: 4 rows imported into provider\n", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("tarieven.csv: 2 problems, table tarief unchanged\n", outcome.Out, StringComparison.Ordinal);
        var after = await CountsAsync();
        Assert.Equal(tarievenBefore["tarief"], after["tarief"]);
        Assert.Equal(tarievenBefore["provider"] + 1, after["provider"]);
        await using var connection = await Database.OpenConnectionAsync();
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM reference_import_log WHERE table_name = 'tarief' AND outcome = 'invalid' AND problem_count = 2"));
    }

    [Fact]
    public async Task A_directory_without_reference_files_is_a_one_line_failure()
    {
        Directory.CreateDirectory(Temp.File("empty"));
        await File.WriteAllTextAsync(Temp.File("empty/Tarieven.csv"), "agb\n");

        var outcome = await ImportAsync(Temp.File("empty"));

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Equal("Tarieven.csv: not one of the reference files (names are case-sensitive), ignored\n", outcome.Out);
        Assert.StartsWith($"wlz reference import: {Temp.File("empty")} holds none of the reference files (providers.csv, ", Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_is_built_once_and_again_only_after_an_import_changed_a_table()
    {
        var directory = CopyOfSample();
        Assert.Equal(ExitCodes.Ok, (await ImportAsync(directory)).ExitCode);
        using var cache = new ReferenceSnapshotCache();
        await using var store = await Database.OpenStoreAsync();

        var first = await cache.GetAsync(store);
        var second = await cache.GetAsync(store);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Builds);
        Assert.True(first.TryGetProvider(73730001, out _));

        Assert.Equal(ExitCodes.Ok, (await ImportAsync(directory)).ExitCode);
        Assert.Same(first, await cache.GetAsync(store));
        Assert.Equal(1, cache.Builds);

        await File.AppendAllTextAsync(Path.Combine(directory, "providers.csv"), "73730004;Zorghuis Nieuw;achteraf;nee\n");
        Assert.Equal(ExitCodes.Ok, (await ImportAsync(directory)).ExitCode);
        var third = await cache.GetAsync(store);
        Assert.NotSame(first, third);
        Assert.Equal(2, cache.Builds);
        Assert.True(third.TryGetProvider(73730004, out _));
        Assert.Same(third, await cache.GetAsync(store));
    }
}
