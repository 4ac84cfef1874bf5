using WlzMessaging.Reference;

namespace WlzMessaging.Funding;

/// <summary>
/// What funding reads from a row of mndp.csv (<see cref="MndpRow"/>, defined once in Reference). The row counts for the
/// advance of its year from the run after ingediend_op, and only when it passes <see cref="MndpValidation"/>. Funding keeps
/// the AGB code as its eight-digit text and the prestatiecode as text, so the conversions live here.
/// </summary>
public static class MndpRowFunding
{
    extension(MndpRow row)
    {
        public long AmountCents => checked(row.Aantal * row.TariefCent);

        public MndpAmount ToAmount() =>
            new(AgbCode.ToText(row.Agb), row.Jaar, row.Prestatiecode.ToString(), row.AmountCents, row.IngediendOp);

        /// <summary>The row's volume as checked against the tariff in force on ingediend_op, for a later tariff correction.</summary>
        public CheckedVolume ToCheckedVolume() =>
            new(AgbCode.ToText(row.Agb), row.Jaar, row.Prestatiecode.ToString(), row.IngediendOp, row.Aantal);
    }
}
