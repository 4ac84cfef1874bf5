using WlzMessaging.Storage;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Support;

/// <summary>
/// A test class with a database of its own on the shared embedded server (<see cref="PostgresFixture"/>) and a temporary
/// directory, both made before its first test and gone after its last.
/// </summary>
public abstract class DatabaseTest(PostgresFixture fixture) : IAsyncLifetime
{
    protected TempDirectory Temp { get; } = new();

    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        Database = await fixture.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Temp.Dispose();
    }
}
