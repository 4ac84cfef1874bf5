namespace WlzMessaging.Reference;

/// <summary>
/// One row of mndp.csv (monitor niet declarabele prestaties): care a provider delivered but cannot declare per client, per
/// month. It counts for the advance only when the provider has a crisis agreement.
/// </summary>
/// <param name="TariefCent">The tariff of one unit; the amount is <paramref name="Aantal"/> × tariff.</param>
/// <param name="IngediendOp">The date the provider submitted the monitor.</param>
public sealed record MndpRow(int Agb, int Jaar, int Maand, PrestatieCode Prestatiecode, long Aantal, long TariefCent, DateOnly IngediendOp);
