namespace WlzMessaging.Funding;

/// <summary>
/// A row of the monitor niet declarabele prestaties (mndp.csv): care a provider did not declare per client, reported per
/// prestatie. It counts for the advance of <paramref name="Year"/> from the run after <paramref name="IngediendOp"/>, and
/// only when it passes <see cref="MndpValidation"/>.
/// </summary>
public sealed record MndpRow(
    string Agb,
    int Year,
    int Maand,
    string Prestatiecode,
    long Aantal,
    long TariefCents,
    DateOnly IngediendOp)
{
    public long AmountCents => checked(Aantal * TariefCents);

    public MndpAmount ToAmount() => new(Agb, Year, Prestatiecode, AmountCents, IngediendOp);

    /// <summary>The row's volume as checked against the tariff in force on ingediend_op, for a later tariff correction.</summary>
    public CheckedVolume ToCheckedVolume() => new(Agb, Year, Prestatiecode, IngediendOp, Aantal);
}
