namespace WlzMessaging.Funding;

/// <summary>
/// Configuration of the funding rules: the zorgkantoor's protocols, one per year (<see cref="ProtocolBook"/>). Every number
/// the rules take from a protocol (werkvoorschot factor and months, exempt prestaties, MNDP, production and settlement runs)
/// is read from the protocol of the year being computed.
/// </summary>
public sealed record FundingSettings
{
    /// <summary>The VGZ Bevoorschottingsprotocol Wlz 2024, for every year (carried over to years without a file).</summary>
    public static FundingSettings Default { get; } = new();

    public ProtocolBook Protocols { get; init; } = ProtocolBook.Default;

    /// <summary>Settings of one protocol (carried over to the other years).</summary>
    public static FundingSettings With(AdvanceProtocol protocol) => new() { Protocols = new ProtocolBook([protocol]) };

    public AdvanceProtocol ProtocolFor(int year) => Protocols.For(year);
}
