using Npgsql;
using WlzMessaging.Storage;

namespace WlzMessaging.Testing;

/// <summary>A database of the test run's server that belongs to one test class; dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresFixture _fixture;

    internal TestDatabase(PostgresFixture fixture, string name, string connectionString)
    {
        _fixture = fixture;
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => DataSource.OpenConnectionAsync();

    /// <summary>
    /// A <see cref="Store"/> over this database, as a command opens one for an external server (its schema is current, so
    /// opening migrates nothing); the caller disposes it before the database.
    /// </summary>
    public Task<Store> OpenStoreAsync() =>
        Store.OpenAsync(ExternalDatabaseEndpoint.Create(ConnectionString), loggers: null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _fixture.DropDatabaseAsync(Name);
    }
}
