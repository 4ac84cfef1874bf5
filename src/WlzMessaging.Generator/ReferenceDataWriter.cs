using System.Globalization;
using System.Text;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Iwlz;
using WlzMessaging.Reference.Xlsx;

namespace WlzMessaging.Generator;

/// <summary>
/// The reference data that approves every line of a generated file, and the data of the other providers around it:
/// <list type="bullet">
/// <item>providers.csv: the file's provider first (werkvoorschot), then the others.</item>
/// <item>koppeltabel.csv: every catalogue prestatie, valid from 2015-01-01 without end, with its ZZP code (if any) and
/// no functiecodes (lines carry 00).</item>
/// <item>afspraken.csv: one production agreement per provider for the year, 3 % above a year of its clients' care
/// (<see cref="Jaarafspraak"/>).</item>
/// <item>tarieven.csv: every catalogue prestatie for every provider, at the tariff its lines use, entered on 1 January.</item>
/// <item>maz.csv: every client's MAZ at its provider (from the day care began; the MEZ when it ended).</item>
/// <item>meerzorg.csv: a beschikking for every meerzorg client, covering its lines, at its provider's ZMZ01 tariff.</item>
/// </list>
/// Published (<c>--published</c>): koppeltabel.xlsx instead of koppeltabel.csv, and instead of maz.csv the iWlz messages of
/// <c>iwlz/</c>: per client the toewijzingen its lines need (a verblijf toewijzing of its ZZP for Z-codes, ZMZ01 and the
/// verblijf prestatiegroepen, a VPT toewijzing of its ZZP for V-codes, else one of a functie), over its period of care, each
/// with the start (AW35) and end (AW39) of that care, so rules L20 and L21 approve every line and the MAZ periods are the same.
/// The file's clients are clients 0 .. FileClients-1 and belong to the file's provider; further clients (up to
/// <see cref="Aw319GeneratorOptions.Clients"/>) are shared unevenly among the other providers (<see cref="ProviderSizes"/>),
/// or belong to the file's provider when it is the only one. UTF-8 without BOM, ';'-separated, LF line ends, dates YYYY-MM-DD, money in cents.
/// </summary>
internal static class ReferenceDataWriter
{
    private const ulong ProviderSalt = 0x_9A_0B_1D;

    public static ReferenceDataSummary Write(Aw319Generator generator, string directory, bool published)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var options = generator.Options;
        var year = generator.PeriodStart.Year;
        var jan1 = Iso(new DateOnly(year, 1, 1));
        var providers = options.Providers;
        var fileClients = generator.FileClients;
        var population = Math.Max(options.Clients, fileClients);
        var agbs = ProviderAgbs(options.Agb, providers);
        var tariffs = new int[providers][];
        tariffs[0] = generator.Tariffs.ToArray();
        for (var p = 1; p < providers; p++)
        {
            tariffs[p] = ProviderTariffs.For(options.Seed, p);
        }

        // maz.csv and meerzorg.csv, client by client; the care planned per provider sizes its annual agreement.
        var production = new long[providers];
        long mazRows = 0, meerzorgRows = 0;
        var planner = generator.Planner;
        var periodDays = generator.PeriodEnd.DayNumber - generator.PeriodStart.DayNumber + 1;
        var yearEnd = Iso(new DateOnly(year, 12, 31));
        var toewijzingen = new List<ToewijzingRow>();
        var sizes = new ProviderSizes(options.Seed, providers, population - fileClients);
        using (var maz = published ? StreamWriter.Null : Create(directory, "maz.csv", "bsn;agb;begindatum;einddatum"))
        using (var meerzorg = Create(directory, "meerzorg.csv", "bsn;agb;begindatum;einddatum;tarief_cent"))
        {
            var plan = default(ClientPlan);
            var lines = new PlannedLine[ClientPlanner.MaxLines];
            for (long i = 0; i < population; i++)
            {
                var provider = i < fileClients || providers == 1 ? 0 : sizes.ProviderOf(i - fileClients);
                planner.Plan(i, tariffs[provider], ref plan, lines);
                for (var j = 0; j < plan.LineCount; j++)
                {
                    production[provider] += lines[j].Signed;
                }

                var agb = agbs[provider];
                var end = plan.CareEnd is { } mez ? Iso(mez) : "";
                if (published)
                {
                    AddToewijzingen(toewijzingen, plan, lines.AsSpan(0, plan.LineCount), agb);
                }
                else
                {
                    maz.Write(Row($"{plan.Bsn:D9};{agb:D8};{Iso(plan.CareStart)};{end}"));
                }

                mazRows++;
                if (plan.Meerzorg)
                {
                    var until = plan.CareEnd is { } e ? Iso(e) : yearEnd;
                    meerzorg.Write(Row($"{plan.Bsn:D9};{agb:D8};{Iso(plan.MeerzorgStart)};{until};{tariffs[provider][PrestatieCatalog.Zmz01]}"));
                    meerzorgRows++;
                }
            }
        }

        using (var file = Create(directory, "providers.csv", "agb;naam;regime;crisisafspraak"))
        {
            for (var p = 0; p < providers; p++)
            {
                var rng = SplitMix64.ForKey(options.Seed, (ulong)p, ProviderSalt);
                var regime = p == 0 || rng.Chance(850) ? "werkvoorschot" : "achteraf";
                var crisis = rng.Chance(300) ? "ja" : "nee";
                file.Write(Row($"{agbs[p]:D8};{SyntheticNames.Provider(p)};{regime};{crisis}"));
            }
        }

        var catalogue = PrestatieCatalog.All;
        if (published)
        {
            using (var xlsx = File.Create(Path.Combine(directory, KoppeltabelXlsx.FileName)))
            {
                KoppeltabelXlsxWriter.Write(xlsx, catalogue.Select(p => new KoppeltabelRow(
                    55,
                    PrestatieCode.Parse(p.Code),
                    p.Omschrijving,
                    p.ZzpCode > 0 ? [p.ZzpCode] : [],
                    [],
                    (Tijdseenheid)p.Tijdseenheid,
                    p.Prestatiegroep,
                    new DateOnly(2015, 1, 1),
                    null)));
            }

            var iwlz = Path.Combine(directory, IwlzMessageSet.DirectoryName);
            if (Directory.Exists(iwlz))
            {
                Directory.Delete(iwlz, recursive: true);
            }

            IwlzWriter.WriteAll(iwlz, toewijzingen, new DateOnly(year, 1, 1).AddDays(-14));
        }

        using (var file = published ? StreamWriter.Null : Create(directory, "koppeltabel.csv", "prestatiecodelijst;prestatiecode;omschrijving;zzpcodes;functiecodes;eenheid;prestatiegroep;ingangsdatum;einddatum"))
        {
            foreach (var prestatie in catalogue)
            {
                var zzp = prestatie.ZzpCode > 0 ? prestatie.ZzpCode.ToString("D3", CultureInfo.InvariantCulture) : "";
                file.Write(Row($"055;{prestatie.Code};{prestatie.Omschrijving};{zzp};;{prestatie.Tijdseenheid:D2};{prestatie.Prestatiegroep};2015-01-01;"));
            }
        }

        using (var file = Create(directory, "afspraken.csv", "agb;jaar;jaarafspraak_cent;geldig_vanaf"))
        {
            for (var p = 0; p < providers; p++)
            {
                file.Write(Row($"{agbs[p]:D8};{year};{Jaarafspraak.FromPeriod(production[p], periodDays, year)};{jan1}"));
            }
        }

        using (var file = Create(directory, "tarieven.csv", "agb;jaar;prestatiecode;tarief_cent;ingevoerd_op"))
        {
            for (var p = 0; p < providers; p++)
            {
                for (var k = 0; k < catalogue.Count; k++)
                {
                    file.Write(Row($"{agbs[p]:D8};{year};{catalogue[k].Code};{tariffs[p][k]};{jan1}"));
                }
            }
        }

        return new ReferenceDataSummary(
            directory, providers, population, catalogue.Count, providers, providers * catalogue.Count, mazRows, meerzorgRows);
    }

    /// <summary>
    /// The toewijzingen a client's lines need, each over its period of care with that care reported: see the class remarks.
    /// Numbers: besluitnummer = client index + 1, toewijzingnummer = 8 × (client index + 1) + k.
    /// </summary>
    private static void AddToewijzingen(List<ToewijzingRow> rows, in ClientPlan plan, ReadOnlySpan<PlannedLine> lines, int agb)
    {
        Span<int> verblijf = stackalloc int[4];
        Span<int> vpt = stackalloc int[4];
        int verblijfCount = 0, vptCount = 0;
        foreach (var line in lines)
        {
            var prestatie = PrestatieCatalog.All[line.Prestatie];
            var level = prestatie.ZzpCode > 0 ? prestatie.ZzpCode : Math.Max(plan.Level, PrestatieCatalog.LowestLevel);
            if (prestatie.Code[0] == 'V')
            {
                Add(vpt, ref vptCount, level);
            }
            else if (prestatie.Code[0] == 'Z' || Prestatiegroepen.NeedsVerblijf(prestatie.Prestatiegroep))
            {
                Add(verblijf, ref verblijfCount, level);
            }
        }

        var (bsn, besluit, begin, end) = (plan.Bsn, plan.Index + 1, plan.CareStart, plan.CareEnd);
        var nummer = 8 * (plan.Index + 1);
        foreach (var zzp in verblijf[..verblijfCount])
        {
            rows.Add(Toewijzing(zzp, 0, Leveringsvorm.Verblijf));
        }

        foreach (var zzp in vpt[..vptCount])
        {
            rows.Add(Toewijzing(zzp, 0, Leveringsvorm.Vpt));
        }

        if (verblijfCount + vptCount == 0)
        {
            rows.Add(Toewijzing(0, 1, Leveringsvorm.Mpt)); // MPT care: a functie, for the MAZ period its care gives
        }

        static void Add(Span<int> codes, ref int count, int code)
        {
            if (!codes[..count].Contains(code) && count < codes.Length)
            {
                codes[count++] = code;
            }
        }

        ToewijzingRow Toewijzing(int zzp, int functie, Leveringsvorm vorm) =>
            new(bsn, besluit, nummer++, zzp, functie, vorm, agb, begin, end, begin, end);
    }

    /// <summary>The file's provider has the given AGB; the others count up from 41000001, skipping it.</summary>
    internal static int[] ProviderAgbs(int fileAgb, int providers)
    {
        var agbs = new int[providers];
        agbs[0] = fileAgb;
        var next = 41_000_001;
        for (var p = 1; p < providers; p++)
        {
            if (next == fileAgb)
            {
                next++;
            }

            agbs[p] = next++;
        }

        return agbs;
    }

    private static StreamWriter Create(string directory, string name, string header)
    {
        var writer = new StreamWriter(Path.Combine(directory, name), append: false, new UTF8Encoding(false), bufferSize: 64 * 1024)
        {
            NewLine = "\n",
        };
        writer.Write(header);
        writer.Write('\n');
        return writer;
    }

    private static string Row(FormattableString row) => row.ToString(CultureInfo.InvariantCulture) + "\n";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
