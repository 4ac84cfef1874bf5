using WlzMessaging.Storage;

namespace WlzMessaging.Operations;

/// <summary>
/// The store the operators' side of <c>wlz run</c> reads, once <see cref="OperatorSide"/> has opened it (with backoff: the
/// database may be down when the worker starts). Until then the dashboard answers 503 and <c>/healthz</c> says the
/// database is not reached yet; the web host itself is up from the start.
/// </summary>
public sealed class OperatorStore
{
    private volatile Store? _current;

    /// <summary>The opened store; null until it is, and again once it is closed.</summary>
    public Store? Current => _current;

    internal void Set(Store? store) => _current = store;
}
