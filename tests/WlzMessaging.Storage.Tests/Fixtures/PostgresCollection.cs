namespace WlzMessaging.Testing;

/// <summary>
/// The test classes that use the assembly's one PostgreSQL (<see cref="PostgresFixture"/>). Despite the shared name, each
/// test method of such a class is a collection of its own (<see cref="PostgresTestFramework"/>), so they run in parallel,
/// each in its own database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
