namespace WlzMessaging.Generator;

internal enum CareKind : byte
{
    /// <summary>Intramural care: a ZZP day prestatie (Z-code).</summary>
    Zzp,

    /// <summary>Volledig pakket thuis: a VPT day prestatie (V-code).</summary>
    Vpt,

    /// <summary>Modulair pakket thuis: care in minutes and hours (H126, H300, F125).</summary>
    Mpt,
}

/// <summary>One declaration line as planned: a catalogue prestatie over a period, its volume and tariff.</summary>
internal struct PlannedLine
{
    public int Prestatie;
    public DateOnly Begin;
    public DateOnly End;
    public int Aantal;
    public int Tarief;
    public bool Credit;

    /// <summary>For a credit: the index (within the client's lines) of the debit it reverses, always an earlier line.</summary>
    public int Credits;

    /// <summary>Followed by a 98 commentaarrecord.</summary>
    public bool Comment;

    public readonly long Amount => (long)Aantal * Tarief;

    public readonly long Signed => Credit ? -Amount : Amount;
}

/// <summary>A client as the generator sees it: identity (synthetic), care, the period of care at the provider.</summary>
internal struct ClientPlan
{
    public long Index;
    public int Bsn;
    public DateOnly Birth;
    public byte Gender;
    public int Surname;
    public int Prefix;
    public byte Initial1;
    public byte Initial2;
    public byte Initial3;
    public int PostcodeNumber;
    public byte PostcodeLetter1;
    public byte PostcodeLetter2;
    public int Huisnummer;
    public bool Deceased;
    public CareKind Kind;
    public int Level;

    /// <summary>MAZ: care at the provider began on this day.</summary>
    public DateOnly CareStart;

    /// <summary>MEZ: care ended on this day (null while it goes on).</summary>
    public DateOnly? CareEnd;

    public bool Meerzorg;
    public DateOnly MeerzorgStart;
    public bool ClientComment;
    public int LineCount;
}

/// <summary>
/// Plans a client from (seed, client index, period) alone: every client has its own PRNG stream, so the file writer and
/// the reference-data writer plan the same client the same way without sharing state, and nothing is kept per client.
/// </summary>
internal sealed class ClientPlanner
{
    public const int MaxLines = 6;

    private const ulong Salt = 0x_C1_1E_47;
    private static readonly byte[] s_letters = "ABCDEFGHIJKLMNOPRSTVWZ"u8.ToArray();
    private static readonly byte[] s_postcodeLetters = "ABCDEGHJKLMNPRTVWXZ"u8.ToArray();

    private readonly ulong _seed;
    private readonly DateOnly _start;
    private readonly DateOnly _end;
    private readonly int _days;
    private readonly bool _comments;

    public ClientPlanner(ulong seed, DateOnly periodStart, DateOnly periodEnd, bool comments)
    {
        _seed = seed;
        _start = periodStart;
        _end = periodEnd;
        _days = periodEnd.DayNumber - periodStart.DayNumber + 1;
        _comments = comments;
    }

    public DateOnly PeriodStart => _start;

    public DateOnly PeriodEnd => _end;

    /// <summary>Plans client <paramref name="index"/> with its provider's tariffs; its lines go to <paramref name="lines"/>.</summary>
    public void Plan(long index, ReadOnlySpan<int> tariffs, ref ClientPlan c, Span<PlannedLine> lines)
    {
        var rng = SplitMix64.ForKey(_seed, (ulong)index, Salt);
        c = default;
        c.Index = index;
        c.Bsn = Bsn.Synthetic(index, _seed);
        c.Gender = rng.Chance(620) ? (byte)2 : (byte)1;
        var kind = rng.Next(100);
        c.Kind = kind < 58 ? CareKind.Zzp : kind < 83 ? CareKind.Vpt : CareKind.Mpt;
        c.Level = PickLevel(ref rng);
        var age = c.Kind == CareKind.Mpt ? rng.Between(18, 90) : rng.Between(62, 101);
        c.Birth = new DateOnly(_start.Year - age, 1, 1).AddDays(rng.Next(365));
        c.Surname = rng.Next(SyntheticNames.SurnameCount);
        c.Prefix = rng.Chance(300) ? rng.Next(SyntheticNames.PrefixCount) : -1;
        c.Initial1 = s_letters[rng.Next(s_letters.Length)];
        c.Initial2 = rng.Chance(600) ? s_letters[rng.Next(s_letters.Length)] : (byte)' ';
        c.Initial3 = c.Initial2 != ' ' && rng.Chance(300) ? s_letters[rng.Next(s_letters.Length)] : (byte)' ';
        c.PostcodeNumber = rng.Between(1000, 9999);
        c.PostcodeLetter1 = s_postcodeLetters[rng.Next(s_postcodeLetters.Length)];
        c.PostcodeLetter2 = s_postcodeLetters[rng.Next(s_postcodeLetters.Length)];
        c.Huisnummer = rng.Between(1, 250);

        // Care at this provider: most clients for years, some new in the period, some leaving (MEZ) in it.
        var life = rng.Next(100);
        if (life < 87)
        {
            c.CareStart = _start.AddDays(-rng.Between(30, 3000));
        }
        else if (life < 94)
        {
            c.CareStart = _start.AddDays(rng.Next(_days));
        }
        else
        {
            c.CareStart = _start.AddDays(-rng.Between(30, 3000));
            c.CareEnd = _start.AddDays(rng.Next(_days));
            c.Deceased = rng.Chance(600);
        }

        c.Meerzorg = c.Kind == CareKind.Zzp && rng.Chance(80);
        var meerzorgFrom = _start.AddDays(-rng.Next(365));
        c.MeerzorgStart = meerzorgFrom > c.CareStart ? meerzorgFrom : c.CareStart;
        c.ClientComment = _comments && rng.Chance(20);

        var s = c.CareStart > _start ? c.CareStart : _start;
        var e = c.CareEnd is { } mez && mez < _end ? mez : _end;
        var days = e.DayNumber - s.DayNumber + 1;
        var n = 0;
        if (c.Kind != CareKind.Mpt)
        {
            var vpt = c.Kind == CareKind.Vpt;
            if (days >= 2 && rng.Chance(90))
            {
                // The indication changes in the period: one line per level, back to back.
                var lastOfFirst = s.AddDays(rng.Next(days - 1));
                var other = c.Level < PrestatieCatalog.HighestLevel ? c.Level + 1 : c.Level - 1;
                lines[n++] = Day(PrestatieCatalog.DayPrestatie(vpt, c.Level), s, lastOfFirst, tariffs);
                lines[n++] = Day(PrestatieCatalog.DayPrestatie(vpt, other), lastOfFirst.AddDays(1), e, tariffs);
            }
            else
            {
                lines[n++] = Day(PrestatieCatalog.DayPrestatie(vpt, c.Level), s, e, tariffs);
            }

            if (c.Meerzorg)
            {
                lines[n++] = Day(PrestatieCatalog.Zmz01, s, e, tariffs);
            }
        }
        else
        {
            lines[n++] = Units(PrestatieCatalog.H126, s, e, days * rng.Between(10, 60), tariffs);
            if (rng.Chance(600))
            {
                lines[n++] = Units(PrestatieCatalog.H300, s, e, days * rng.Between(5, 45), tariffs);
            }

            if (rng.Chance(350))
            {
                lines[n++] = Units(PrestatieCatalog.F125, s, e, Math.Max(1, days * rng.Between(3, 20) / 7), tariffs);
            }
        }

        // Exempt one-off costs, on one day of the period.
        if (rng.Chance(150) && n < MaxLines - 1)
        {
            lines[n++] = OneOff(PrestatieCatalog.M001, s.AddDays(rng.Next(days)), tariffs);
        }

        if (rng.Chance(100) && n < MaxLines - 1)
        {
            lines[n++] = OneOff(PrestatieCatalog.M002, s.AddDays(rng.Next(days)), tariffs);
        }

        if (rng.Chance(10) && n < MaxLines - 1)
        {
            lines[n++] = OneOff(rng.Chance(500) ? PrestatieCatalog.I001 : PrestatieCatalog.I002, s.AddDays(rng.Next(days)), tariffs);
        }

        // A partial credit of the first line (never the whole of it: a credit that cancels its debit in the same file
        // is 8062). A day line loses its last days, a line in minutes or hours part of its volume.
        if (rng.Chance(70) && lines[0].Aantal >= 2)
        {
            var debit = lines[0];
            var credited = 1 + rng.Next(debit.Aantal - 1);
            var credit = debit;
            credit.Credit = true;
            credit.Credits = 0;
            credit.Aantal = credited;
            credit.Comment = _comments;
            if (PrestatieCatalog.All[debit.Prestatie].Tijdseenheid == PrestatieCatalog.Etmaal)
            {
                credit.Begin = debit.End.AddDays(1 - credited);
            }

            lines[n++] = credit;
        }

        c.LineCount = n;
    }

    private static int PickLevel(ref SplitMix64 rng)
    {
        // 4VV 10 %, 5VV 30 %, 6VV 25 %, 7VV 12 %, 8VV 8 %, 9VV 10 %, 10VV 5 %.
        var r = rng.Next(100);
        return r switch
        {
            < 10 => 4,
            < 40 => 5,
            < 65 => 6,
            < 77 => 7,
            < 85 => 8,
            < 95 => 9,
            _ => 10,
        };
    }

    private static PlannedLine Day(int prestatie, DateOnly begin, DateOnly end, ReadOnlySpan<int> tariffs) => new()
    {
        Prestatie = prestatie,
        Begin = begin,
        End = end,
        Aantal = end.DayNumber - begin.DayNumber + 1,
        Tarief = tariffs[prestatie],
        Credits = -1,
    };

    private static PlannedLine Units(int prestatie, DateOnly begin, DateOnly end, int aantal, ReadOnlySpan<int> tariffs) => new()
    {
        Prestatie = prestatie,
        Begin = begin,
        End = end,
        Aantal = Math.Min(aantal, 9_999),
        Tarief = tariffs[prestatie],
        Credits = -1,
    };

    private static PlannedLine OneOff(int prestatie, DateOnly day, ReadOnlySpan<int> tariffs) => new()
    {
        Prestatie = prestatie,
        Begin = day,
        End = day,
        Aantal = 1,
        Tarief = tariffs[prestatie],
        Credits = -1,
    };
}
