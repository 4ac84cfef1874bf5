using WlzMessaging.Adjudication.Tests.Golden;
using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Reference.Iwlz;
using WlzMessaging.Reference.Xlsx;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests.Published;

/// <summary>
/// The shipped testdata adjudicates identically from the CSVs and from the forms the sector publishes: the koppeltabel as
/// an .xlsx and the toewijzingen as iWlz AW33/AW35/AW39 messages (testdata/published, written from testdata/reference; set
/// WLZ_UPDATE_GOLDEN=1 to write it anew). On the published side maz.csv is left out: the MAZ periods come from the
/// messages' zorgmeldingen alone.
/// </summary>
public sealed class PublishedFormatsTests : IDisposable
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("WLZ_UPDATE_GOLDEN") == "1";
    private static readonly DateOnly Dagtekening = new(2025, 1, 2);
    private static readonly DateOnly Received = new(2025, 2, 10);
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "wlz-published-" + Guid.NewGuid().ToString("N"));

    public PublishedFormatsTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string CsvDirectory => RepositoryRoot.Combine("testdata", "reference");

    private static string PublishedDirectory => RepositoryRoot.Combine("testdata", "published");

    public static TheoryData<string> Samples =>
        [.. Directory.EnumerateFiles(RepositoryRoot.Combine("testdata", "inbox-sample"), "*.aw319").Select(f => Path.GetFileName(f)).Order()];

    public static TheoryData<string> GoldenNames => [.. GoldenCases.All.Select(c => c.Name)];

    private static ReferenceTables Load(string directory)
    {
        var set = ReferenceDataSet.Load(directory);
        Assert.True(set.IsValid, string.Join("; ", set.Problems));
        return set.ToTables();
    }

    /// <summary>The CSV tables with the koppeltabel and the toewijzingen (and with them the MAZ periods) from the published forms.</summary>
    private static ReferenceSnapshot PublishedSnapshot(ReferenceTables csv, string publishedDirectory, bool mazFromMessages)
    {
        var published = Load(publishedDirectory);
        Assert.NotEmpty(published.Koppeltabel);
        return ReferenceSnapshot.Build(new ReferenceTables
        {
            Providers = csv.Providers,
            Koppeltabel = published.Koppeltabel,
            Afspraken = csv.Afspraken,
            Tarieven = csv.Tarieven,
            Maz = mazFromMessages ? [] : csv.Maz,
            Meerzorg = csv.Meerzorg,
            Mndp = csv.Mndp,
            Invorderingen = csv.Invorderingen,
            Toewijzingen = published.Toewijzingen,
        });
    }

    private static void WritePublished(ReferenceTables csv, string directory)
    {
        Directory.CreateDirectory(directory);
        using (var xlsx = File.Create(Path.Combine(directory, KoppeltabelXlsx.FileName)))
        {
            KoppeltabelXlsxWriter.Write(xlsx, csv.Koppeltabel);
        }

        if (csv.Toewijzingen.Count > 0)
        {
            var iwlz = Path.Combine(directory, IwlzMessageSet.DirectoryName);
            if (Directory.Exists(iwlz))
            {
                Directory.Delete(iwlz, recursive: true);
            }

            IwlzWriter.WriteAll(iwlz, csv.Toewijzingen, Dagtekening);
        }
    }

    [Fact]
    public void The_shipped_published_forms_hold_the_rows_of_the_CSVs()
    {
        var csv = Load(CsvDirectory);
        if (Update)
        {
            WritePublished(csv, PublishedDirectory);
        }

        var published = Load(PublishedDirectory);

        Assert.Equal(csv.Koppeltabel, published.Koppeltabel);
        Assert.Equal(csv.Toewijzingen.OrderBy(r => r.Toewijzingnummer), published.Toewijzingen);
        var mazFromMessages = PublishedSnapshot(csv, PublishedDirectory, mazFromMessages: true);
        var csvSnapshot = ReferenceSnapshot.Build(csv);
        foreach (var maz in csv.Maz)
        {
            Assert.Equal(csvSnapshot.GetMazPeriods(maz.Bsn, maz.Agb), mazFromMessages.GetMazPeriods(maz.Bsn, maz.Agb));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_sample_file_gets_the_same_AW320_from_the_CSVs_and_from_the_published_forms(string name)
    {
        var csv = Load(CsvDirectory);
        var aw319 = await File.ReadAllBytesAsync(RepositoryRoot.Combine("testdata", "inbox-sample", name));

        var (fromCsv, approvedCsv) = await AnswerAsync(aw319, ReferenceSnapshot.Build(csv), new History(), Received);
        var (fromPublished, approvedPublished) = await AnswerAsync(aw319, PublishedSnapshot(csv, PublishedDirectory, mazFromMessages: true), new History(), Received);

        Assert.Equal(fromCsv, fromPublished);

        // The samples are declarations every check approves, also L20 and L21 under the sample's toewijzingen.
        var lines = System.Text.Encoding.Latin1.GetString(aw319).Split("\r\n").Count(l => l.StartsWith("04", StringComparison.Ordinal));
        Assert.Equal((lines, lines), (approvedCsv, approvedPublished));
    }

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public async Task A_golden_rule_file_gets_the_same_AW320_from_the_CSVs_and_from_the_published_forms(string name)
    {
        var @case = GoldenCases.Get(name);
        var csv = (@case.WithToewijzingen ? RulesReference.WithToewijzingen : RulesReference.Snapshot).Tables;
        WritePublished(csv, _temp);
        var aw319 = @case.File.Build().ToBytes();

        var (fromCsv, _) = await AnswerAsync(aw319, ReferenceSnapshot.Build(csv), @case.History, @case.Received, name);
        var (fromPublished, _) = await AnswerAsync(aw319, PublishedSnapshot(csv, _temp, mazFromMessages: false), @case.History, @case.Received, name);

        Assert.Equal(fromCsv, fromPublished);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryRoot.Combine("testdata", "rules", name + ".aw320")), fromPublished);
    }

    private static async Task<(byte[] Aw320, int Approved)> AnswerAsync(byte[] aw319, ReferenceSnapshot reference, History history, DateOnly received, string name = "PUBLISHED")
    {
        var options = new VektisReaderOptions { ReceivedDate = received, ExpectedUzovi = Aw319Builder.Uzovi };
        var prepass = new FilePrepass();
        var structure = await VektisReader.ReadAsync(new MemoryStream(aw319), prepass, options);
        Assert.False(structure.IsRejected, string.Join("; ", structure.FileFaults));
        var result = prepass.Complete();
        var adjudicator = new Adjudicator(reference, history.Value, result, AdjudicationSettings.Default, result.ContextFor(received));
        using var output = new MemoryStream();
        await Aw320Responder.WriteAsync(() => new MemoryStream(aw319), structure, adjudicator, output, Aw320Header.Create("ZK-" + name.ToUpperInvariant(), received.AddDays(2)), options);
        return (output.ToArray(), adjudicator.ApprovedLines);
    }
}
