using WlzMessaging.Storage.Funding;

namespace WlzMessaging.Storage.Nightly;

/// <summary>The organisations' names (provider.naam), for a report that names providers.</summary>
public static class ProviderNames
{
    public static async Task<IReadOnlyDictionary<int, string>> ReadAsync(NightlyDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var rows = await day.Command("SELECT agb, naam FROM provider").ReadAsync(r => (r.GetInt32(0), r.GetString(1)), cancellationToken)
            .ConfigureAwait(false);
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }
}
