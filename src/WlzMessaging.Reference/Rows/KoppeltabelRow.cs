using System.Collections.Immutable;

namespace WlzMessaging.Reference;

/// <summary>
/// One row of koppeltabel.csv: a prestatiecode of a prestatiecodelijst, valid from <paramref name="Ingangsdatum"/> through
/// <paramref name="Einddatum"/> (both inclusive; none = still valid), with the ZZP codes and functiecodes it may be declared
/// with.
/// </summary>
/// <param name="Prestatiecodelijst">The list (AW319 0416), 55 for the Wlz list 055.</param>
/// <param name="Zzpcodes">Allowed ZZP codes (COD163) as numbers, ascending; empty allows only 000.</param>
/// <param name="Functiecodes">Allowed functiecodes (COD732) as numbers, ascending; empty allows only 00.</param>
/// <param name="Prestatiegroep">The Vektis prestatiegroep; none for codes without one.</param>
public sealed record KoppeltabelRow(
    int Prestatiecodelijst,
    PrestatieCode Prestatiecode,
    string Omschrijving,
    ImmutableArray<int> Zzpcodes,
    ImmutableArray<int> Functiecodes,
    Tijdseenheid Eenheid,
    int? Prestatiegroep,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum)
{
    // The generated equality would compare the lists by reference; a row read back from storage must equal the row written.
    public bool Equals(KoppeltabelRow? other) =>
        other is not null
        && Prestatiecodelijst == other.Prestatiecodelijst
        && Prestatiecode == other.Prestatiecode
        && Omschrijving == other.Omschrijving
        && Zzpcodes.AsSpan().SequenceEqual(other.Zzpcodes.AsSpan())
        && Functiecodes.AsSpan().SequenceEqual(other.Functiecodes.AsSpan())
        && Eenheid == other.Eenheid
        && Prestatiegroep == other.Prestatiegroep
        && Ingangsdatum == other.Ingangsdatum
        && Einddatum == other.Einddatum;

    public override int GetHashCode() => HashCode.Combine(Prestatiecodelijst, Prestatiecode, Ingangsdatum);
}
