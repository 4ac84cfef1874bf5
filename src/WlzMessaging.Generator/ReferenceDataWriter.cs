using System.Globalization;
using System.Text;

namespace WlzMessaging.Generator;

/// <summary>
/// The reference data that approves every line of a generated file, and the data of the other providers around it:
/// <list type="bullet">
/// <item>providers.csv: the file's provider first (werkvoorschot), then the others.</item>
/// <item>koppeltabel.csv: every catalogue prestatie, valid from 2015-01-01 without end, with its ZZP code (if any) and
/// no functiecodes (lines carry 00).</item>
/// <item>afspraken.csv: one production agreement per provider for the year, about 3 % above a year of its clients' care.</item>
/// <item>tarieven.csv: every catalogue prestatie for every provider, at the tariff its lines use, entered on 1 January.</item>
/// <item>maz.csv: every client's MAZ at its provider (from the day care began; the MEZ when it ended).</item>
/// <item>meerzorg.csv: a beschikking for every meerzorg client, covering its lines, at its provider's ZMZ01 tariff.</item>
/// </list>
/// The file's clients are clients 0 .. FileClients-1 and belong to the file's provider; further clients (up to
/// <see cref="Aw319GeneratorOptions.Clients"/>) are shared round-robin among the other providers (or belong to the file's
/// provider when it is the only one). UTF-8 without BOM, ';'-separated, LF line ends, dates YYYY-MM-DD, money in cents.
/// </summary>
internal static class ReferenceDataWriter
{
    private const ulong ProviderSalt = 0x_9A_0B_1D;

    public static ReferenceDataSummary Write(Aw319Generator generator, string directory)
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
        using (var maz = Create(directory, "maz.csv", "bsn;agb;begindatum;einddatum"))
        using (var meerzorg = Create(directory, "meerzorg.csv", "bsn;agb;begindatum;einddatum;tarief_cent"))
        {
            var plan = default(ClientPlan);
            var lines = new PlannedLine[ClientPlanner.MaxLines];
            for (long i = 0; i < population; i++)
            {
                var provider = i < fileClients || providers == 1 ? 0 : 1 + (int)((i - fileClients) % (providers - 1));
                planner.Plan(i, tariffs[provider], ref plan, lines);
                for (var j = 0; j < plan.LineCount; j++)
                {
                    production[provider] += lines[j].Signed;
                }

                var agb = agbs[provider];
                var end = plan.CareEnd is { } mez ? Iso(mez) : "";
                maz.Write(Row($"{plan.Bsn:D9};{agb:D8};{Iso(plan.CareStart)};{end}"));
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
        using (var file = Create(directory, "koppeltabel.csv", "prestatiecodelijst;prestatiecode;omschrijving;zzpcodes;functiecodes;eenheid;prestatiegroep;ingangsdatum;einddatum"))
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
                // A year of the care planned for the period, 3 % on top, in whole thousands of euros; at least 100,000 euros.
                var annual = production[p] * 365 / periodDays * 103 / 100;
                var rounded = Math.Max(10_000_000, (annual + 99_999) / 100_000 * 100_000);
                file.Write(Row($"{agbs[p]:D8};{year};{rounded};{jan1}"));
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
