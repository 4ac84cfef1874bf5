using Npgsql;

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

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _fixture.DropDatabaseAsync(Name);
    }
}
