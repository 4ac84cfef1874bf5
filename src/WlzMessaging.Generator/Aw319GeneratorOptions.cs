namespace WlzMessaging.Generator;

/// <summary>
/// What to generate. One file is one provider's declaration (0112 INSTELLINGSCODE), as on VECOZO: a provider sends its own
/// file. The file's clients are that provider's clients; <see cref="Clients"/> and <see cref="Providers"/> only size the
/// reference data around it (other providers with their own clients, tariffs and agreements).
/// Everything follows from these values: the same options give the same bytes.
/// </summary>
public sealed record Aw319GeneratorOptions
{
    /// <summary>
    /// The default declaration month: fixed, so the default file never changes with the clock. January 2025, as the shipped
    /// samples (testdata/inbox-sample): its invoice date (5 February 2025) precedes the date README's examples receive
    /// files on (<see cref="SampleReceivedDate"/>), so a default file is never early (0025).
    /// </summary>
    public static readonly DateOnly DefaultMonth = new(2025, 1, 1);

    /// <summary>
    /// The zorgkantoor the default file is addressed to (0108): the UZOVI of the shipped samples, of the built-in VGZ 2024
    /// protocol and of README's worker example, so a default file is not refused as addressed to another (0018).
    /// </summary>
    public const int DefaultUzovi = 5509;

    /// <summary>
    /// The date the shipped samples are received on (README's main job: <c>--received 2025-02-10</c>): a file of the default
    /// month is received then with every line approved under its reference data.
    /// </summary>
    public static readonly DateOnly SampleReceivedDate = new(2025, 2, 10);

    /// <summary>The most lines one AW319 can hold: 9904 AANTAL PRESTATIERECORDS has 6 positions.</summary>
    public const long MaxLines = 999_999;

    /// <summary>Number of prestatierecords (04) in the file, exactly; at most <see cref="MaxLines"/>.</summary>
    public long Lines { get; init; } = 1_000;

    public ulong Seed { get; init; } = 1;

    /// <summary>The month declared (any day of it): 0114 is its first day.</summary>
    public DateOnly Month { get; init; } = DefaultMonth;

    /// <summary>
    /// Days the declaration period covers from the first of the month. Null: the whole month, or fewer days when the
    /// file's lines would add up (sign ignored) past the 11 positions of 9907 (a file of about 10^5 lines or more; see
    /// the README). A fixed number of days that makes them add up past it is refused.
    /// </summary>
    public int? PeriodDays { get; init; }

    /// <summary>The provider's AGB code (0112, and 0420 on every line).</summary>
    public int Agb { get; init; } = 41_000_001;

    /// <summary>The zorgkantoor addressed (0108, 0204, 0404).</summary>
    public int Uzovi { get; init; } = DefaultUzovi;

    /// <summary>True for a test file (0105 = T), false for production (P).</summary>
    public bool Test { get; init; }

    /// <summary>0117 DAGTEKENING FACTUUR; null: five days after the period ends. Receive the file on or after it.</summary>
    public DateOnly? InvoiceDate { get; init; }

    /// <summary>0116 FACTUURNUMMER DECLARANT (at most 12); null: yyyyMM of the month and 6 digits of the seed.</summary>
    public string? Factuurnummer { get; init; }

    /// <summary>
    /// 0 for a first sending; 1-9: the same declaration sent again as a new invoice, every line the same (clients,
    /// prestaties, periods, amounts) under new 0431 references and another invoice number, so each line overlaps the
    /// first sending's. Used to measure a resent file against a fresh one (benchmarks/history).
    /// </summary>
    public int Resend { get; init; }

    /// <summary>Write 98 commentaarrecords: one on every credit line, and on some clients.</summary>
    public bool Comments { get; init; }

    /// <summary>Clients in the reference data (MAZ); 0 or fewer than the file needs: as many as the file needs.</summary>
    public int Clients { get; init; }

    /// <summary>Providers in the reference data; the file's provider is the first. At least 1.</summary>
    public int Providers { get; init; } = 1;

    internal DateOnly FirstOfMonth => new(Month.Year, Month.Month, 1);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Lines, 1, nameof(Lines));
        if (Lines > MaxLines)
        {
            throw new ArgumentOutOfRangeException(nameof(Lines), Lines, $"one AW319 holds at most {MaxLines:N0} lines: 9904 AANTAL PRESTATIERECORDS has 6 positions");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(Resend, nameof(Resend));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Resend, 9, nameof(Resend));
        ArgumentOutOfRangeException.ThrowIfLessThan(Providers, 1, nameof(Providers));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Providers, 99_999, nameof(Providers));
        ArgumentOutOfRangeException.ThrowIfNegative(Clients, nameof(Clients));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Clients, Bsn.MaxSynthetic, nameof(Clients));
        if (Agb is < 1 or > 99_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(Agb), Agb, "an AGB code has at most 8 digits");
        }

        if (Uzovi is < 1 or > 9_999)
        {
            throw new ArgumentOutOfRangeException(nameof(Uzovi), Uzovi, "a UZOVI number has 4 digits");
        }

        if (Month.Year is < 1900 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(Month), Month, "a month between 1900 and 9998");
        }

        if (PeriodDays is { } days && (days < 1 || days > DateTime.DaysInMonth(Month.Year, Month.Month)))
        {
            throw new ArgumentOutOfRangeException(nameof(PeriodDays), days, "between 1 and the days of the month");
        }

        if (Factuurnummer is { } f && (f.Length is 0 or > 12 || f.Any(c => c is < ' ' or > '~')))
        {
            throw new ArgumentException("FACTUURNUMMER holds 1-12 printable ASCII characters", nameof(Factuurnummer));
        }
    }
}
