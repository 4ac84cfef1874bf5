using System.Globalization;

namespace WlzMessaging.Generator.Tests;

/// <summary>
/// Generated agreements (afspraken.csv) follow from the generated clients × days × tariffs and lie in the ranges of
/// specs/reference-data.md, "Generated data": a provider with the default file is a large one (some tens of millions of
/// euros a year, as the VGZ protocol's seed has it), the others spread from small to large, each at a cost per client of
/// a real Wlz provider.
/// </summary>
public sealed class AgreementTests : IDisposable
{
    // The documented ranges (specs/reference-data.md, "Generated data").
    private const long LargeProviderMinCents = 1_000_000_000;    // EUR 10 million
    private const long LargeProviderMaxCents = 10_000_000_000;   // EUR 100 million
    private const long PerClientMinCents = 4_000_000;            // EUR 40,000 a client a year (a provider of 20 clients or more)
    private const long PerClientMaxCents = 12_000_000;           // EUR 120,000

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wlz-afspraak-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private List<string[]> Rows(string name) =>
        File.ReadAllLines(Path.Combine(_directory, name)).Skip(1).Select(l => l.Split(';')).ToList();

    private static long Number(string value) => long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);

    [Fact]
    public void The_default_files_provider_has_an_agreement_of_some_tens_of_millions_that_a_year_of_its_lines_gives()
    {
        var generator = new Aw319Generator(new Aw319GeneratorOptions());
        generator.WriteReferenceData(_directory);
        var agreement = Number(Assert.Single(Rows("afspraken.csv"))[2]);

        Assert.InRange(agreement, LargeProviderMinCents, LargeProviderMaxCents);
        Assert.InRange(agreement / generator.FileClients, PerClientMinCents, PerClientMaxCents);

        // Independently of the writer: the file's own lines (January 2025, 31 days) scaled to 365 days, plus 3 %. The file
        // holds the lines of every client of its provider (its last client's may be cut short to make the count exact).
        var net = ParsedFile.Read(generator.ToArray()).Lines.Sum(l => l.Signed);
        var year = net * 365 / 31 * 103 / 100;
        Assert.InRange(agreement, year, year + year / 100);
    }

    [Fact]
    public void The_other_providers_range_from_small_to_large_and_each_agreement_follows_from_its_clients()
    {
        var options = new Aw319GeneratorOptions { Clients = 50_000, Providers = 300 };
        new Aw319Generator(options).WriteReferenceData(_directory);
        var clients = Rows("maz.csv").GroupBy(r => r[1]).ToDictionary(g => g.Key, g => (long)g.Count());
        var agreements = Rows("afspraken.csv").ToDictionary(r => r[0], r => Number(r[2]));

        Assert.Equal(300, agreements.Count);
        Assert.All(agreements.Values, a => Assert.InRange(a, Jaarafspraak.MinimumCents, LargeProviderMaxCents));
        foreach (var (agb, agreement) in agreements)
        {
            var n = clients.GetValueOrDefault(agb);
            if (n >= 20)
            {
                Assert.InRange(agreement / n, PerClientMinCents, PerClientMaxCents);
            }
        }

        // A realistic spread: the largest of the other providers has at least ten times the clients of the smallest, and
        // some are small (under EUR 2.5 million a year) while some are large (over EUR 10 million).
        var others = agreements.Keys.Skip(1).Select(agb => clients.GetValueOrDefault(agb)).ToList();
        Assert.True(others.Max() >= 10 * Math.Max(1, others.Min()), $"clients per provider from {others.Min()} to {others.Max()}");
        Assert.Contains(agreements.Values, a => a < 250_000_000);
        Assert.Contains(agreements.Values.Skip(1), a => a > LargeProviderMinCents);
        Assert.Equal(50_000, clients.Values.Sum());
    }

    [Fact]
    public void The_spread_of_provider_sizes_is_the_same_for_the_same_seed_and_covers_every_client()
    {
        var sizes = new ProviderSizes(seed: 3, providers: 5, otherClients: 1_000);
        var again = new ProviderSizes(seed: 3, providers: 5, otherClients: 1_000);
        var owners = Enumerable.Range(0, 1_000).Select(k => sizes.ProviderOf(k)).ToList();

        Assert.Equal(owners, Enumerable.Range(0, 1_000).Select(k => again.ProviderOf(k)));
        Assert.All(owners, p => Assert.InRange(p, 1, 4));
        Assert.Equal(owners.Order(), owners); // contiguous blocks, in provider order
        Assert.Equal(4, owners.Distinct().Count());
    }

    [Theory]
    [InlineData(100_000_000L, 31, 2025, 1_212_800_000L)]  // EUR 1,000,000 in January: × 365 / 31 × 1.03, up to EUR 1,000
    [InlineData(100_000_000L, 31, 2024, 1_216_100_000L)]  // a leap year has 366 days
    [InlineData(50_000_000L, 6, 2025, 3_133_000_000L)]    // six days of a large file
    [InlineData(100_000L, 31, 2025, Jaarafspraak.MinimumCents)]
    [InlineData(-5_000L, 31, 2025, Jaarafspraak.MinimumCents)]
    public void An_agreement_is_a_year_of_the_planned_care_three_percent_on_top(long periodCents, int days, int year, long expected)
    {
        Assert.Equal(expected, Jaarafspraak.FromPeriod(periodCents, days, year));
    }
}
