using WlzMessaging.Storage.Embedded;

namespace WlzMessaging.Host.Cli;

/// <summary>
/// The options every command that touches the store takes (issue 3): <c>--data-dir DIR</c> (env <c>WLZ_DATA_DIR</c>,
/// default <c>./.wlz</c>) for the embedded PostgreSQL, or <c>--connection STRING</c> (env <c>WLZ_CONNECTION</c>) for an
/// external server. A command adds <see cref="Options"/> to its syntax and calls <see cref="Resolve"/>.
/// </summary>
public static class StorageOptions
{
    public const string DataDirEnvironment = "WLZ_DATA_DIR";
    public const string ConnectionEnvironment = "WLZ_CONNECTION";
    public const string DefaultDataDir = StoreLocation.DefaultDataDirectory;

    public static IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Value("data-dir", "DIR", $"the embedded database's directory (env {DataDirEnvironment}, default ./{DefaultDataDir})"),
        OptionSpec.Value("connection", "STRING", $"an external PostgreSQL instead (Npgsql connection string; env {ConnectionEnvironment})"),
    ];

    /// <summary>
    /// The connection string when one is given (option first, then environment), else the full path of the data directory
    /// (option, environment, default). Both on the command line is a usage error.
    /// </summary>
    public static StoreLocation Resolve(CommandArguments args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (args.Has("data-dir") && args.Has("connection"))
        {
            throw new UsageException("give --data-dir or --connection, not both");
        }

        var connection = args.Value("connection") ?? (args.Has("data-dir") ? null : NullIfEmpty(environment(ConnectionEnvironment)));
        var dataDir = args.Value("data-dir") ?? NullIfEmpty(environment(DataDirEnvironment)) ?? DefaultDataDir;
        return new StoreLocation(connection, Path.GetFullPath(dataDir));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
