using Npgsql;
using WlzMessaging.Storage;
using WlzMessaging.Storage.Embedded;
using WlzMessaging.Storage.Migrations;

namespace WlzMessaging.Testing;

/// <summary>
/// A test's way to the one private PostgreSQL of its test assembly, in a directory under /tmp. A test gets its own database
/// from <see cref="CreateDatabaseAsync"/>: a copy of a template that holds the current schema, so no test sees another's
/// rows, migrations run once per assembly, not once per class, and the tests can run side by side.
/// </summary>
/// <remarks>
/// <para>
/// xunit makes one instance per test collection, and <see cref="PostgresTestFramework"/> makes each test method of a
/// <see cref="PostgresCollection"/> class a collection of its own. The instances share one server, started by the first
/// and stopped by <see cref="PostgresTestFramework"/> when the assembly's last test has run (or, in an assembly without
/// that framework, when the test process exits).
/// </para>
/// <para>
/// Uses only the public API of WlzMessaging.Storage, so another test project can compile these files in:
/// <c>&lt;Compile Include="../WlzMessaging.Storage.Tests/Fixtures/*.cs" LinkBase="Fixtures" /&gt;</c> with a project
/// reference to WlzMessaging.Storage and the AssemblyAttribute item of WlzMessaging.Storage.Tests.csproj, then mark its
/// classes <c>[Collection(PostgresCollection.Name)]</c>.
/// </para>
/// </remarks>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string TemplateDatabase = "wlz_template";

    private static readonly Lock s_lock = new();
    private static Task<EmbeddedPostgres>? s_server;
    private static int s_databases;

    private EmbeddedPostgres? _server;

    public EmbeddedPostgres Server => _server ?? throw new InvalidOperationException("the fixture is not initialized");

    public async Task InitializeAsync() => _server = await SharedServerAsync();

    /// <summary>A new database, with the current schema or (<paramref name="migrated"/> false) empty; dropped when disposed.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(bool migrated = true)
    {
        var name = $"test_{Interlocked.Increment(ref s_databases)}";
        await ExecuteAsync($"CREATE DATABASE {SqlIdentifier.Quote(name)} TEMPLATE {(migrated ? TemplateDatabase : "template0")}");
        return new TestDatabase(this, name, Server.GetConnectionString(name));
    }

    internal Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {SqlIdentifier.Quote(name)} WITH (FORCE)");

    /// <summary>Nothing: the server outlives the class, the next class uses it too.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Stops the assembly's server and removes its directory; called once every class has run.</summary>
    public static async Task StopSharedServerAsync()
    {
        Task<EmbeddedPostgres>? started;
        lock (s_lock)
        {
            started = s_server;
            s_server = null;
        }

        if (started is null || !started.IsCompletedSuccessfully)
        {
            return;
        }

        var server = await started;
        var directory = server.DataDirectory;
        await server.DisposeAsync();
        await EmbeddedPostgres.DeleteIfUnusedAsync(directory, EmbeddedPostgresOptions.ForTests);
    }

    private static Task<EmbeddedPostgres> SharedServerAsync()
    {
        lock (s_lock)
        {
            if (s_server is null)
            {
                s_server = StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopSharedServerAsync().GetAwaiter().GetResult();
            }

            // A server that failed to start fails every class the same way, without trying again for each.
            return s_server;
        }
    }

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        await ScratchDirectory.DeleteAbandonedAsync();
        var options = EmbeddedPostgresOptions.ForTests with
        {
            DatabaseName = TemplateDatabase,

            // Classes run side by side, each with its pool, some with real wlz processes and their pools.
            ServerSettings = new Dictionary<string, string>(EmbeddedPostgresOptions.ForTests.ServerSettings) { ["max_connections"] = "200" },
        };
        var server = await EmbeddedPostgres.StartAsync(ScratchDirectory.NewPath(), options);

        // Without pooling: CREATE DATABASE … TEMPLATE refuses a template that has a session open, idle or not.
        var template = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(template);
        await SchemaMigrator.Default.MigrateAsync(dataSource);
        return server;
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
