namespace WlzMessaging.Funding;

/// <summary>Which protocol computed a year of a run: its label ("vgz-wlz 2024 v1") and the SHA-256 of its file.</summary>
public sealed record ProtocolUse(int Year, string Label, string Sha256)
{
    public static ProtocolUse Of(AdvanceProtocol protocol) => new(protocol.Year, protocol.Label, protocol.Sha256);

    public override string ToString() => $"{Year}: {Label}";
}
