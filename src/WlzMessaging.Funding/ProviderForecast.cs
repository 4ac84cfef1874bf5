namespace WlzMessaging.Funding;

/// <summary>
/// What a provider can expect for a year if its production goes on at its recent pace (<see cref="YearForecasts"/>): the
/// advances still to come before the year is settled and the result of the settlement (a payment, or a recovery when
/// negative). Paid so far + advances to come + year-end result = the projected due of the year.
/// </summary>
public sealed record ProviderForecast
{
    public required string Agb { get; init; }

    public required int Year { get; init; }

    /// <summary>The first run forecast: the first of the month after the latest approved run.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The pace: capped production a month, from the months before <see cref="From"/>.</summary>
    public required long PaceNonExemptCents { get; init; }

    /// <summary>The pace of the exempt prestaties a month.</summary>
    public required long PaceExemptCents { get; init; }

    /// <summary>Everything the approved runs paid for the year so far (werkvoorschot, production, settlement, corrections).</summary>
    public required long PaidSoFarCents { get; init; }

    /// <summary>The items of the year in the runs still to come before the first settlement run.</summary>
    public required long AdvancesToComeCents { get; init; }

    /// <summary>The items of the year from the first settlement run up to the final run: a payment (+) or a recovery (−).</summary>
    public required long YearEndResultCents { get; init; }

    /// <summary>The projected figures of the year in the final run: J, Pc, Cap, Px and Due.</summary>
    public required ProductionFigures? Final { get; init; }

    /// <summary>Every run forecast, with the items of the year it would have.</summary>
    public required IReadOnlyList<(DateOnly RunDate, long ItemsCents)> Runs { get; init; }
}
