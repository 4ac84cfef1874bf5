namespace WlzMessaging.Funding;

/// <summary>The tariff history of every (provider, year, prestatie), oldest first.</summary>
internal sealed class ContractedTariffIndex
{
    private readonly Dictionary<(string Agb, int Year, string Prestatiecode), ContractedTariff[]> _history;

    public ContractedTariffIndex(IEnumerable<ContractedTariff> tariffs)
    {
        _history = tariffs
            .GroupBy(t => (t.Agb, t.Year, t.Prestatiecode))
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.IngevoerdOp).ToArray());

        foreach (var (key, history) in _history)
        {
            for (var i = 1; i < history.Length; i++)
            {
                // Two tariffs entered on the same day leave the old one (and so the correction) ambiguous.
                if (history[i].IngevoerdOp == history[i - 1].IngevoerdOp)
                {
                    throw new ArgumentException(
                        $"Two tariffs of {key.Agb} for {key.Prestatiecode} in {key.Year} are entered on {history[i].IngevoerdOp:yyyy-MM-dd}.",
                        nameof(tariffs));
                }
            }
        }
    }

    public IEnumerable<KeyValuePair<(string Agb, int Year, string Prestatiecode), ContractedTariff[]>> Histories => _history;

    public bool IsContracted(string agb, int year, string prestatiecode) => _history.ContainsKey((agb, year, prestatiecode));

    /// <summary>The tariff with the latest ingevoerd_op on or before the date, or null when none is in force yet.</summary>
    public ContractedTariff? InForce(string agb, int year, string prestatiecode, DateOnly date)
    {
        if (!_history.TryGetValue((agb, year, prestatiecode), out var history))
        {
            return null;
        }

        ContractedTariff? inForce = null;
        foreach (var tariff in history)
        {
            if (tariff.IngevoerdOp > date)
            {
                break;
            }

            inForce = tariff;
        }

        return inForce;
    }
}
