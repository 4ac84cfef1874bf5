using WlzMessaging.Adjudication;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Vektis;

namespace WlzMessaging.Generator.Tests;

/// <summary>
/// <c>--reference-out DIR --published</c>: the koppeltabel as koppeltabel.xlsx and the MAZ periods as iWlz toewijzingen with
/// their zorgmeldingen. Read back, they hold the CSVs' koppeltabel and MAZ periods, and every line of the file is approved
/// under them, rules L20 and L21 included.
/// </summary>
public sealed class PublishedReferenceDataTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wlz-pub-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ReferenceTables Load(string directory)
    {
        var set = ReferenceDataSet.Load(directory);
        Assert.True(set.IsValid, string.Join("; ", set.Problems.Take(5)));
        return set.ToTables();
    }

    [Fact]
    public async Task The_published_forms_hold_the_same_koppeltabel_and_MAZ_periods_and_approve_every_line()
    {
        var options = new Aw319GeneratorOptions { Lines = 3_000, Seed = 11, Clients = 2_500, Providers = 4, Month = new DateOnly(2025, 11, 1) };
        var csvDirectory = Path.Combine(_directory, "csv");
        var publishedDirectory = Path.Combine(_directory, "published");
        var generator = new Aw319Generator(options);
        generator.WriteReferenceData(csvDirectory);
        generator.WriteReferenceData(publishedDirectory, published: true);

        Assert.False(File.Exists(Path.Combine(publishedDirectory, "maz.csv")));
        Assert.False(File.Exists(Path.Combine(publishedDirectory, "koppeltabel.csv")));
        var csv = Load(csvDirectory);
        var published = Load(publishedDirectory);

        Assert.Equal(csv.Koppeltabel, published.Koppeltabel);
        Assert.NotEmpty(published.Toewijzingen);
        Assert.Contains(published.Toewijzingen, t => t.Leveringsvorm == Leveringsvorm.Vpt);
        Assert.Contains(published.Toewijzingen, t => t.ZorgEinddatum is not null);
        var fromCsv = ReferenceSnapshot.Build(csv);
        var fromPublished = ReferenceSnapshot.Build(published);
        foreach (var maz in csv.Maz)
        {
            Assert.Equal(fromCsv.GetMazPeriods(maz.Bsn, maz.Agb), fromPublished.GetMazPeriods(maz.Bsn, maz.Agb));
        }

        var file = generator.ToArray();
        Assert.Equal((options.Lines, options.Lines), (await ApprovedAsync(file, fromCsv, generator.EarliestReceivedDate), await ApprovedAsync(file, fromPublished, generator.EarliestReceivedDate)));
    }

    private static async Task<long> ApprovedAsync(byte[] file, ReferenceSnapshot reference, DateOnly received)
    {
        var options = new VektisReaderOptions { ReceivedDate = received };
        var prepass = new FilePrepass();
        var structure = await VektisReader.ReadAsync(new MemoryStream(file), prepass, options);
        var result = prepass.Complete();
        var adjudicator = new Adjudicator(reference, new DeclarationHistory(), result, AdjudicationSettings.Default, result.ContextFor(received));
        await Aw320Responder.WriteAsync(() => new MemoryStream(file), structure, adjudicator, Stream.Null, Aw320Header.Create("ZK-GEN", received), options);
        return adjudicator.ApprovedLines;
    }
}
