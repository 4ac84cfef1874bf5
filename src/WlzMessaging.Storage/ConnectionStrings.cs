using Npgsql;

namespace WlzMessaging.Storage;

/// <summary>
/// Builds connection strings. Npgsql ignores PGHOST, PGPORT and the other libpq variables, so every value is said here.
/// </summary>
public static class ConnectionStrings
{
    /// <summary>Statements Npgsql prepares on its own per connection. Dapper never prepares, so without this every
    /// per-file statement would be parsed and planned anew.</summary>
    public const int MaxAutoPrepare = 20;

    /// <summary>
    /// A connection over the Unix socket in <paramref name="socketDirectory"/> (Npgsql takes a Host that starts with '/' as a
    /// socket directory), e.g. <c>Host=/srv/.wlz/run;Port=5432;Database=wlz;Username=wlz;Application Name=wlz;Max Auto Prepare=20;Auto Prepare Min Usages=2;Include Error Detail=False</c>.
    /// </summary>
    public static string ForSocket(string socketDirectory, int port, string database, string userName)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = socketDirectory,
            Port = port,
            Database = database,
            Username = userName,
        };
        return WithDefaults(builder).ConnectionString;
    }

    /// <summary>
    /// An operator's connection string (<c>--connection</c>) with our tuning added where it says nothing itself; error details
    /// are always off.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a valid Npgsql connection string.</exception>
    public static string ForExternal(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return WithDefaults(builder).ConnectionString;
    }

    private static NpgsqlConnectionStringBuilder WithDefaults(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "wlz";
        }

        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        // Error details quote the values of a violated key, a BSN among them; they must not reach exception messages and
        // from there the logs. Said explicitly so nobody turns it on by accident in a shared connection string.
        builder.IncludeErrorDetail = false;
        return builder;
    }
}
