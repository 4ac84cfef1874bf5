using Npgsql;
using OpenTelemetry.Metrics;

namespace WlzMessaging.Storage;

/// <summary>
/// The database client's own metrics for an OpenTelemetry meter provider: Npgsql's meter (connections in use and idle,
/// command durations, bytes read and written), through Npgsql.OpenTelemetry, which stays in Storage with the driver.
/// </summary>
public static class StorageTelemetry
{
    /// <summary>Adds Npgsql's meter to the metrics <paramref name="builder"/> exports.</summary>
    public static MeterProviderBuilder AddStorageInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddNpgsqlInstrumentation();
    }
}
