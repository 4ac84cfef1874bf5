namespace WlzMessaging.Reference;

/// <summary>
/// The key of a tariff: agb, year and prestatiecode. Not one number (27 + 12 + 40 bits do not fit 64), so a struct with
/// its own equality, which the dictionary calls without boxing.
/// </summary>
internal readonly struct TariefKey(int agb, int jaar, PrestatieCode code) : IEquatable<TariefKey>
{
    private readonly long _agbJaar = ((long)agb << 32) | (uint)jaar;
    private readonly ulong _code = code.Packed;

    public bool Equals(TariefKey other) => _agbJaar == other._agbJaar && _code == other._code;

    public override bool Equals(object? obj) => obj is TariefKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_agbJaar, _code);
}
