namespace WlzMessaging.Funding;

/// <summary>What an item of a run is; <see cref="ItemKindCodes"/> gives the codes stored and shown.</summary>
public enum ItemKind
{
    /// <summary>The January or February advance of a provider with regime werkvoorschot.</summary>
    Werkvoorschot,

    /// <summary>The production item of a year: what is due now minus what earlier runs paid for that year's production.</summary>
    Productie,

    /// <summary>The settlement of a werkvoorschot in January and February of the next year (negative).</summary>
    VerrekeningWerkvoorschot,

    /// <summary>The offset of an open recovery against this run's payment (negative).</summary>
    Invordering,

    /// <summary>An operator's adjustment of one of the other items, recorded as the difference to the computed amount.</summary>
    Correctie,
}
