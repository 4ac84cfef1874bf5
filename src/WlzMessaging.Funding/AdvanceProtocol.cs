using WlzMessaging.Reference;

namespace WlzMessaging.Funding;

/// <summary>
/// A zorgkantoor's bevoorschottingsprotocol for one declaration year, as data: every number the funding rules take from
/// the protocol (specs/funding.md, "The protocol file"). Read from a file by <see cref="AdvanceProtocolReader"/>; the VGZ
/// 2024 protocol ships with the engine (<see cref="ProtocolBook.Default"/>).
/// </summary>
public sealed record AdvanceProtocol
{
    /// <summary>The protocol's name, the same for every year of a zorgkantoor (<c>vgz-wlz</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Raised whenever the file of this year changes; a run records it (with <see cref="Sha256"/>).</summary>
    public required int Version { get; init; }

    public required string Zorgkantoor { get; init; }

    /// <summary>The declaration year this protocol advances and settles.</summary>
    public required int Year { get; init; }

    /// <summary>The UZOVI codes (regions) the protocol covers: a concession holder has several.</summary>
    public required IReadOnlyList<int> UzoviCodes { get; init; }

    /// <summary>The regimes the protocol knows; without <see cref="Regime.Werkvoorschot"/> nobody gets a werkvoorschot.</summary>
    public required IReadOnlySet<Regime> Regimes { get; init; }

    /// <summary>The runs of the year that pay the werkvoorschot (VGZ: 1 January and 1 February), ascending.</summary>
    public required IReadOnlyList<DateOnly> WerkvoorschotRuns { get; init; }

    /// <summary>W = J × factor / 12: 100/98 for VGZ 2024.</summary>
    public required Fraction WerkvoorschotFactor { get; init; }

    /// <summary>The first run with a production item for the year (VGZ: 1 March of the year).</summary>
    public required DateOnly FirstProductionRun { get; init; }

    /// <summary>The final run (nacalculatie), the last run with items of the year (VGZ: 1 April of the next year).</summary>
    public required DateOnly FinalRun { get; init; }

    public required CapRule Cap { get; init; }

    /// <summary>Prestaties never capped (VGZ: M001, M002, I001, I002, ZMZ01).</summary>
    public required IReadOnlySet<string> ExemptPrestaties { get; init; }

    public required MndpRule Mndp { get; init; }

    /// <summary>The last day files with lines of the year are accepted; later lines get 8288.</summary>
    public required CutoffRule Cutoff { get; init; }

    /// <summary>
    /// The runs that settle the werkvoorschot, one per <see cref="WerkvoorschotRuns"/> in the same order (VGZ: the
    /// werkvoorschot of January is settled on 1 January of the next year, February's on 1 February).
    /// </summary>
    public required IReadOnlyList<DateOnly> SettlementRuns { get; init; }

    /// <summary>SHA-256 of the file the protocol was read from (hex): what a run records besides the version.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>The year of the file this protocol was carried over from, when the year has no file of its own.</summary>
    public int? CarriedFrom { get; init; }

    /// <summary>How runs and statements name the protocol: "vgz-wlz 2024 v1", "vgz-wlz 2024 v1 (carried to 2025)".</summary>
    public string Label => CarriedFrom is { } from
        ? $"{Id} {from} v{Version} (carried to {Year})"
        : $"{Id} {Year} v{Version}";

    public bool IsExempt(string prestatiecode) => ExemptPrestaties.Contains(prestatiecode);

    /// <summary>W = J × factor / 12, rounded once to whole cents, half away from zero.</summary>
    public long Werkvoorschot(long jaarafspraakCents) =>
        CentsArithmetic.DivideRounded(
            (Int128)jaarafspraakCents * WerkvoorschotFactor.Numerator,
            (Int128)WerkvoorschotFactor.Denominator * 12);

    /// <summary>Whether a provider of this regime gets a werkvoorschot in the run.</summary>
    public bool PaysWerkvoorschot(DateOnly runDate, Regime regime) =>
        regime == Regime.Werkvoorschot && Regimes.Contains(Regime.Werkvoorschot) && WerkvoorschotRuns.Contains(runDate);

    /// <summary>Whether a run has production (and settlement) items of the year: from the first production run to the final run.</summary>
    public bool HasProductionIn(DateOnly runDate) => FirstProductionRun <= runDate && runDate <= FinalRun;

    /// <summary>Whether accepted MNDP amounts of a provider count as its production.</summary>
    public bool CountsMndp(Provider provider) => Mndp switch
    {
        MndpRule.WithCrisisafspraak => provider.Crisisafspraak,
        _ => false,
    };

    /// <summary>
    /// The run that settles a werkvoorschot paid in <paramref name="paidInRun"/>: the settlement run paired with the latest
    /// werkvoorschot run on or before it. Decision: a werkvoorschot paid in another run (only a migrated history or an
    /// operator's correction has one) is settled with the werkvoorschot run before it, or the first when there is none.
    /// </summary>
    public DateOnly SettlementRun(DateOnly paidInRun)
    {
        var index = 0;
        for (var i = 0; i < WerkvoorschotRuns.Count; i++)
        {
            if (WerkvoorschotRuns[i] <= paidInRun)
            {
                index = i;
            }
        }

        return SettlementRuns.Count == 0 ? FinalRun : SettlementRuns[index];
    }

    /// <summary>This protocol applied to another year: every date moved by whole years (<see cref="ProtocolBook"/>).</summary>
    public AdvanceProtocol CarriedTo(int year)
    {
        var years = year - Year;
        return this with
        {
            Year = year,
            WerkvoorschotRuns = [.. WerkvoorschotRuns.Select(d => d.AddYears(years))],
            FirstProductionRun = FirstProductionRun.AddYears(years),
            FinalRun = FinalRun.AddYears(years),
            Cutoff = Cutoff.ShiftedBy(years),
            SettlementRuns = [.. SettlementRuns.Select(d => d.AddYears(years))],
            CarriedFrom = CarriedFrom ?? Year,
        };
    }
}
