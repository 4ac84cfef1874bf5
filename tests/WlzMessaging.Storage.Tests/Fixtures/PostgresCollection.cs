namespace WlzMessaging.Testing;

/// <summary>The test classes that share the run's one PostgreSQL (<see cref="PostgresFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
