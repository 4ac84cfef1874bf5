namespace WlzMessaging.Storage.Nightly;

/// <summary>The organisations' names (provider.naam), for a report that names providers.</summary>
public static class ProviderNames
{
    public static async Task<IReadOnlyDictionary<int, string>> ReadAsync(NightlyDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var rows = await day.QueryAsync<(int Agb, string Naam)>("SELECT agb, naam FROM provider", new { }, cancellationToken)
            .ConfigureAwait(false);
        return rows.ToDictionary(r => r.Agb, r => r.Naam);
    }
}
