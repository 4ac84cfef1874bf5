using WlzMessaging.Reference;

namespace WlzMessaging.Adjudication;

/// <summary>
/// A client (BSN, AW319 0403) and a prestatiecode (0417): the key under which duplicate production is looked for (8067).
/// Storage asks the history for the approved debit periods of exactly these pairs.
/// </summary>
/// <remarks>Holds a BSN (special personal data under the AVG): <see cref="ToString"/> leaves it out.</remarks>
public readonly struct ClientPrestatie(int bsn, PrestatieCode prestatiecode) : IEquatable<ClientPrestatie>
{
    /// <summary>The client's BSN as a number. Never log it.</summary>
    public int Bsn { get; } = bsn;

    public PrestatieCode Prestatiecode { get; } = prestatiecode;

    public bool Equals(ClientPrestatie other) => Bsn == other.Bsn && Prestatiecode == other.Prestatiecode;

    public override bool Equals(object? obj) => obj is ClientPrestatie other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Bsn, Prestatiecode.Packed);

    /// <summary>The prestatiecode only: a BSN must not reach a log line through an interpolated key.</summary>
    public override string ToString() => $"ClientPrestatie {{ Prestatiecode = {Prestatiecode} }}";

    public static bool operator ==(ClientPrestatie left, ClientPrestatie right) => left.Equals(right);

    public static bool operator !=(ClientPrestatie left, ClientPrestatie right) => !left.Equals(right);
}
