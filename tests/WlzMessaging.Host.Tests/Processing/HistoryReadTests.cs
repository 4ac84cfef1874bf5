using Npgsql;
using WlzMessaging.Adjudication;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Storage.History;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary>
/// <see cref="DeclarationHistoryStore.LoadAsync"/> asks the store about a file's keys only when the provider has a
/// production line at all: a provider's first file sends and probes nothing (its history is empty by definition), and once
/// the provider has lines, the same keys are probed and found.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HistoryReadTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_provider_without_production_lines_is_not_probed_and_its_lines_are_found_once_it_has_them()
    {
        var january = SampleAw319.Files[0];
        var path = Temp.File("in/" + january.FileName);
        Directory.CreateDirectory(Temp.File("in"));
        await File.WriteAllBytesAsync(path, SampleAw319.Build(january));
        var handler = new FilePrepass();
        await using (var input = File.OpenRead(path))
        {
            await VektisReader.ReadAsync(input, handler);
        }

        var keys = handler.Complete();
        var provider = keys.Header.Instellingscode;
        Assert.NotEmpty(keys.Referentienummers);

        // Nothing stored yet: not probed, nothing found, and the key tables were never made in the transaction.
        var (probed, history, keyTables) = await LoadAsync(provider, keys);
        Assert.False(probed);
        Assert.Equal((0, 0), (history.ReceivedCount, history.DebitCount));
        Assert.False(keyTables);

        var connection = Database.ConnectionString;
        Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(["reference", "import", RepositoryRoot.Combine("testdata", "reference"), "--connection", connection])).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(["process", path, "--out", Temp.File("out"), "--received", "2025-02-10", "--connection", connection])).ExitCode);

        // January stored: the same keys are probed, and each of its references is found received.
        (probed, history, keyTables) = await LoadAsync(provider, keys);
        Assert.True(probed);
        Assert.True(keyTables);
        Assert.Equal(keys.Referentienummers.Count, history.ReceivedCount);
    }

    private async Task<(bool Probed, DeclarationHistory History, bool KeyTables)> LoadAsync(int provider, FilePrepassResult keys)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var history = new DeclarationHistory();
        var probed = await DeclarationHistoryStore.LoadAsync(connection, transaction, provider, keys, history, CancellationToken.None);
        await using var look = new NpgsqlCommand("SELECT to_regclass('pg_temp.history_reference') IS NOT NULL", connection, transaction);
        var keyTables = (bool)(await look.ExecuteScalarAsync())!;
        return (probed, history, keyTables);
    }
}
