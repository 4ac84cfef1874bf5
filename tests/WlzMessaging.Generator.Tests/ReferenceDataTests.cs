using System.Globalization;

namespace WlzMessaging.Generator.Tests;

/// <summary>
/// The reference CSVs read back with a small parser of the test's own, and every line of the file checked against them
/// the way adjudication will: koppeltabel, tariff, agreement, MAZ, meerzorg, no duplicate debit.
/// </summary>
public sealed class ReferenceDataTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wlz-ref-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static readonly Dictionary<string, string> s_headers = new()
    {
        ["providers.csv"] = "agb;naam;regime;crisisafspraak",
        ["koppeltabel.csv"] = "prestatiecodelijst;prestatiecode;omschrijving;zzpcodes;functiecodes;eenheid;prestatiegroep;ingangsdatum;einddatum",
        ["afspraken.csv"] = "agb;jaar;jaarafspraak_cent;geldig_vanaf",
        ["tarieven.csv"] = "agb;jaar;prestatiecode;tarief_cent;ingevoerd_op",
        ["maz.csv"] = "bsn;agb;begindatum;einddatum",
        ["meerzorg.csv"] = "bsn;agb;begindatum;einddatum;tarief_cent",
    };

    /// <summary>Rows of a CSV as column name → value, after checking the header and the column count of every row.</summary>
    private List<Dictionary<string, string>> Csv(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(_directory, name));
        Assert.Equal(s_headers[name], lines[0]);
        var columns = lines[0].Split(';');
        return lines.Skip(1).Select((line, i) =>
        {
            var cells = line.Split(';');
            Assert.True(cells.Length == columns.Length, $"{name}:{i + 2} has {cells.Length} columns");
            return columns.Zip(cells).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Number(string value) => long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(3_000, 0, 1, false)]
    [InlineData(2_000, 5_000, 30, true)]
    public void Every_line_of_the_file_is_approved_under_the_reference_data(long lines, int clients, int providers, bool comments)
    {
        var options = new Aw319GeneratorOptions
        {
            Lines = lines,
            Seed = 11,
            Clients = clients,
            Providers = providers,
            Comments = comments,
            Month = new DateOnly(2025, 11, 1),
            Agb = 41_000_007,
        };
        var generator = new Aw319Generator(options);
        var parsed = ParsedFile.Read(generator.ToArray());
        var summary = generator.WriteReferenceData(_directory);
        var agb = options.Agb.ToString("D8", CultureInfo.InvariantCulture);
        var received = generator.InvoiceDate;

        foreach (var name in ReferenceDataSummary.FileNames)
        {
            Assert.True(File.Exists(Path.Combine(_directory, name)), name);
        }

        var koppeltabel = Csv("koppeltabel.csv").ToDictionary(r => r["prestatiecode"]);
        var tarieven = Csv("tarieven.csv").ToDictionary(r => (r["agb"], Number(r["jaar"]), r["prestatiecode"]));
        var afspraken = Csv("afspraken.csv");
        var maz = Csv("maz.csv").ToLookup(r => (r["bsn"], r["agb"]));
        var meerzorg = Csv("meerzorg.csv").ToLookup(r => (r["bsn"], r["agb"]));
        var providerRows = Csv("providers.csv");

        Assert.Equal(agb, providerRows[0]["agb"]);
        Assert.Equal(providers, providerRows.Count);
        Assert.Equal(providers, providerRows.Select(r => r["agb"]).Distinct().Count());
        Assert.All(providerRows, r =>
        {
            Assert.Contains(r["regime"], new[] { "werkvoorschot", "achteraf" });
            Assert.Contains(r["crisisafspraak"], new[] { "ja", "nee" });
            Assert.Equal(8, r["agb"].Length);
        });
        Assert.All(providerRows, r => Assert.Contains(afspraken, a => a["agb"] == r["agb"] && Number(a["jaar"]) == 2025 && Number(a["jaarafspraak_cent"]) > 0));

        var mazRows = Csv("maz.csv");
        Assert.Equal(Math.Max(clients, generator.FileClients), mazRows.Count);
        Assert.Equal(mazRows.Count, mazRows.Select(r => r["bsn"]).Distinct().Count());
        Assert.All(mazRows, r => Assert.True(WlzMessaging.Reference.Elfproef.IsValidBsn(Number(r["bsn"]))));

        Assert.Contains(parsed.Lines, l => l.Prestatiecode == "ZMZ01");
        foreach (var line in parsed.Lines)
        {
            var where = $"line {line.Referentie} {line.Prestatiecode}";

            // Koppeltabel: the code exists over the whole period, with this unit and these ZZP and functie codes.
            Assert.True(koppeltabel.TryGetValue(line.Prestatiecode, out var k), where);
            Assert.Equal("055", k["prestatiecodelijst"]);
            Assert.True(Date(k["ingangsdatum"]) <= line.Begin, where);
            Assert.True(k["einddatum"] == "" || Date(k["einddatum"]) >= line.End, where);
            Assert.Equal(line.Tijdseenheid, (int)Number(k["eenheid"]));
            var zzp = k["zzpcodes"] == "" ? new[] { "000" } : k["zzpcodes"].Split(',');
            Assert.Contains(line.Zzp.ToString("D3", CultureInfo.InvariantCulture), zzp);
            var functie = k["functiecodes"] == "" ? new[] { "00" } : k["functiecodes"].Split(',');
            Assert.Contains(line.Functiecode.ToString("D2", CultureInfo.InvariantCulture), functie);

            // Agreement and tariff of this provider for the year of the line, in force when the file is received.
            Assert.Contains(afspraken, a => a["agb"] == agb && Number(a["jaar"]) == line.Begin.Year && Date(a["geldig_vanaf"]) <= received);
            Assert.True(tarieven.TryGetValue((agb, line.Begin.Year, line.Prestatiecode), out var tarief), where);
            Assert.Equal(line.Tarief, Number(tarief["tarief_cent"]));
            Assert.True(Date(tarief["ingevoerd_op"]) <= received, where);

            // The line lies wholly inside one MAZ-MEZ period of this client at this provider.
            Assert.Contains(maz[(line.Bsn, agb)], m => Date(m["begindatum"]) <= line.Begin && (m["einddatum"] == "" || Date(m["einddatum"]) >= line.End));

            if (line.Prestatiecode == "ZMZ01")
            {
                Assert.Contains(meerzorg[(line.Bsn, agb)], m =>
                    Date(m["begindatum"]) <= line.Begin && (m["einddatum"] == "" || Date(m["einddatum"]) >= line.End) &&
                    Number(m["tarief_cent"]) == line.Tarief);
            }
        }

        // No debit overlaps another debit of the same client and prestatie (a credited one may be re-declared).
        var credited = parsed.Lines.Where(l => l.IsCredit).Select(l => l.Voorgaand).ToHashSet();
        foreach (var group in parsed.Lines.Where(l => !l.IsCredit && !credited.Contains(l.Referentie)).GroupBy(l => (l.Bsn, l.Prestatiecode)))
        {
            var ordered = group.OrderBy(l => l.Begin).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Begin > ordered[i - 1].End, $"{group.Key.Prestatiecode} lines overlap");
            }
        }

        Assert.Equal(providers, summary.Providers);
        Assert.Equal(providers * PrestatieCatalog.All.Count, summary.TarievenRows);
    }

    [Fact]
    public void The_same_options_write_the_same_reference_data()
    {
        var options = new Aw319GeneratorOptions { Lines = 500, Seed = 2, Clients = 800, Providers = 4 };
        new Aw319Generator(options).WriteReferenceData(Path.Combine(_directory, "a"));
        new Aw319Generator(options).WriteReferenceData(Path.Combine(_directory, "b"));
        foreach (var name in ReferenceDataSummary.FileNames)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_directory, "a", name)), File.ReadAllBytes(Path.Combine(_directory, "b", name)));
        }
    }

    [Fact]
    public void Other_providers_get_agb_codes_that_differ_from_the_files_provider()
    {
        var agbs = ReferenceDataWriter.ProviderAgbs(41_000_002, 4);
        Assert.Equal([41_000_002, 41_000_001, 41_000_003, 41_000_004], agbs);
    }
}
