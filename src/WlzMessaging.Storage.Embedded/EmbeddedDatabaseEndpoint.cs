using WlzMessaging.Storage;

namespace WlzMessaging.Storage.Embedded;

/// <summary>The private PostgreSQL in the data directory.</summary>
public sealed class EmbeddedDatabaseEndpoint : DatabaseEndpoint
{
    public EmbeddedDatabaseEndpoint(EmbeddedPostgres server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
    }

    public EmbeddedPostgres Server { get; }

    public override string ConnectionString => Server.ConnectionString;

    public override string Description => $"embedded PostgreSQL in {Server.DataDirectory}, database {Server.DatabaseName}";

    public override ValueTask DisposeAsync() => Server.DisposeAsync();
}
