using Npgsql;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Storage.Migrations;

namespace WlzMessaging.Testing;

/// <summary>
/// One private PostgreSQL for a whole test run, in a directory under /tmp, removed when the run ends. A test class gets its
/// own database from <see cref="CreateDatabaseAsync"/>: a copy of a template that holds the current schema, so no class
/// sees another's rows and migrations run once per run, not once per class.
/// </summary>
/// <remarks>
/// Uses only the public API of WlzMessaging.Storage, so another test project can compile these files in:
/// <c>&lt;Compile Include="../WlzMessaging.Storage.Tests/Fixtures/*.cs" LinkBase="Fixtures" /&gt;</c> with a project
/// reference to WlzMessaging.Storage, then mark its classes <c>[Collection(PostgresCollection.Name)]</c>.
/// </remarks>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string TemplateDatabase = "wlz_template";

    private EmbeddedPostgres? _server;
    private int _databases;

    public EmbeddedPostgres Server => _server ?? throw new InvalidOperationException("the fixture is not initialized");

    public async Task InitializeAsync()
    {
        await ScratchDirectory.DeleteAbandonedAsync();
        var directory = ScratchDirectory.NewPath();
        _server = await EmbeddedPostgres.StartAsync(directory, EmbeddedPostgresOptions.ForTests with { DatabaseName = TemplateDatabase });

        // Without pooling: CREATE DATABASE … TEMPLATE refuses a template that has a session open, idle or not.
        var template = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Pooling = false }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(template);
        await SchemaMigrator.Default.MigrateAsync(dataSource);
    }

    /// <summary>A new database, with the current schema or (<paramref name="migrated"/> false) empty; dropped when disposed.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(bool migrated = true)
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        await ExecuteAsync($"CREATE DATABASE {SqlIdentifier.Quote(name)} TEMPLATE {(migrated ? TemplateDatabase : "template0")}");
        return new TestDatabase(this, name, Server.GetConnectionString(name));
    }

    internal Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {SqlIdentifier.Quote(name)} WITH (FORCE)");

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        var directory = _server.DataDirectory;
        await _server.DisposeAsync();
        await EmbeddedPostgres.DeleteIfUnusedAsync(directory, EmbeddedPostgresOptions.ForTests);
    }

    private async Task ExecuteAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(Server.GetConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
