namespace WlzMessaging.Generator;

/// <summary>What a generated file holds: counts, the net total and the declaration period, for a summary line.</summary>
public sealed record Aw319GenerationResult(
    long Lines,
    long Clients,
    long Comments,
    long CreditLines,
    long Records,
    long Bytes,
    long NetTotalCents,
    int Agb,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly InvoiceDate,
    string Factuurnummer);
