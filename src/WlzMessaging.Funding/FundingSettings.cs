using System.Collections.Frozen;

namespace WlzMessaging.Funding;

/// <summary>Configuration of the funding rules (configuration, not reference data).</summary>
public sealed record FundingSettings
{
    /// <summary>The protocol's settings: exempt M001, M002, I001, I002, ZMZ01 and a werkvoorschot factor of 100/98.</summary>
    public static FundingSettings Default { get; } = new();

    /// <summary>
    /// Prestaties that are never capped: extreme costs of medicines and material (M001, M002), forced move (I001, I002) and
    /// Meerzorg (ZMZ01) (protocol, March–December point 3).
    /// </summary>
    public IReadOnlySet<string> ExemptPrestaties { get; init; } =
        new[] { "M001", "M002", "I001", "I002", "ZMZ01" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The werkvoorschot is J × numerator / denominator / 12: 100/98 by the protocol.</summary>
    public int WerkvoorschotNumerator { get; init; } = 100;

    public int WerkvoorschotDenominator { get; init; } = 98;

    public bool IsExempt(string prestatiecode) => ExemptPrestaties.Contains(prestatiecode);

    /// <summary>W = J × 100 / 98 / 12, rounded once to whole cents, half away from zero.</summary>
    public long Werkvoorschot(long jaarafspraakCents) =>
        CentsArithmetic.DivideRounded(
            (Int128)jaarafspraakCents * WerkvoorschotNumerator,
            (Int128)WerkvoorschotDenominator * 12);
}
