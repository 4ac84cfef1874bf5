namespace WlzMessaging.Funding;

/// <summary>
/// A herschikking: a jaarafspraak revised from <paramref name="GeldigVanaf"/> on, replacing <paramref name="OldAmountCents"/>
/// (the revision in force the day before) with <paramref name="NewAmountCents"/>.
/// </summary>
public sealed record AgreementRevision(string Agb, int Year, long OldAmountCents, long NewAmountCents, DateOnly GeldigVanaf)
{
    public long DifferenceCents => NewAmountCents - OldAmountCents;

    /// <summary>The revisions taking effect on <paramref name="day"/>: a row with that geldig_vanaf following an earlier one.</summary>
    public static IReadOnlyList<AgreementRevision> EffectiveOn(DateOnly day, IEnumerable<Jaarafspraak> jaarafspraken)
    {
        ArgumentNullException.ThrowIfNull(jaarafspraken);
        var revisions = new List<AgreementRevision>();
        foreach (var history in jaarafspraken.Where(j => j.GeldigVanaf <= day).GroupBy(j => (j.Agb, j.Year)))
        {
            var ordered = history.OrderBy(j => j.GeldigVanaf).ToArray();
            if (ordered.Length >= 2 && ordered[^1].GeldigVanaf == day)
            {
                revisions.Add(new AgreementRevision(history.Key.Agb, history.Key.Year, ordered[^2].AmountCents, ordered[^1].AmountCents, day));
            }
        }

        return revisions.OrderBy(r => r.Agb, StringComparer.Ordinal).ThenBy(r => r.Year).ToArray();
    }
}
