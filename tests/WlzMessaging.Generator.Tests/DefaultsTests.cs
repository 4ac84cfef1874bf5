using System.IO.Pipelines;
using System.Text;
using WlzMessaging.Adjudication;
using WlzMessaging.Reference;
using WlzMessaging.Reference.Csv;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Generator.Tests;

/// <summary>
/// The generator's defaults agree with the shipped samples and README's examples (issue 16): a default file is addressed to
/// the samples' zorgkantoor (no 0018), dated before the days README receives files on (no 0025), and its lines add up within
/// 9907 even at 999,999 lines (no 0150); adjudicated against its own reference data, every line is approved.
/// </summary>
public sealed class DefaultsTests : IDisposable
{
    /// <summary>The days README's commands receive files on: the main job (and the generated example) and the benchmarks.</summary>
    public static TheoryData<string> ReadmeReceivedDates => ["2025-02-10", "2026-02-16"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wlz-defaults-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static VektisReaderOptions ReceivedBySamplesZorgkantoor(DateOnly received) => new()
    {
        ReceivedDate = received,
        ExpectedUzovi = 5509, // README's worker example (WLZ_UZOVI=5509)
    };

    [Fact]
    public void The_default_uzovi_is_the_one_the_shipped_samples_and_the_builtin_protocol_address()
    {
        var samples = Directory.GetFiles(RepositoryRoot.Combine("testdata", "inbox-sample"), "*.aw319");
        Assert.NotEmpty(samples);
        var uzovi = Aw319Layout.Voorloop.UzoviNummer;
        foreach (var sample in samples)
        {
            var voorloop = Encoding.ASCII.GetString(File.ReadAllBytes(sample), 0, Aw319Layout.RecordLength);
            Assert.Equal(Aw319GeneratorOptions.DefaultUzovi.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), voorloop.Substring(uzovi.Offset, uzovi.Length));
        }

        Assert.Equal(5509, new Aw319GeneratorOptions().Uzovi);
        Assert.Contains("\"uzovi\": [5509]", File.ReadAllText(RepositoryRoot.Combine("src", "WlzMessaging.Funding", "Protocols", "vgz-wlz-2024.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_invoice_date_precedes_every_received_date_README_uses()
    {
        var generator = new Aw319Generator(new Aw319GeneratorOptions());
        Assert.Equal(new DateOnly(2025, 2, 5), generator.InvoiceDate);
        Assert.True(generator.EarliestReceivedDate <= Aw319GeneratorOptions.SampleReceivedDate);
        Assert.Equal(new DateOnly(2025, 2, 10), Aw319GeneratorOptions.SampleReceivedDate);

        // The largest default file declares fewer days, so it is dated earlier still.
        var largest = new Aw319Generator(new Aw319GeneratorOptions { Lines = Aw319GeneratorOptions.MaxLines });
        Assert.True(largest.EarliestReceivedDate <= Aw319GeneratorOptions.SampleReceivedDate);
    }

    [Theory]
    [MemberData(nameof(ReadmeReceivedDates))]
    public async Task A_default_file_under_its_reference_data_is_approved_line_by_line_on_READMEs_dates(string receivedText)
    {
        var received = DateOnly.Parse(receivedText, System.Globalization.CultureInfo.InvariantCulture);
        var generator = new Aw319Generator(new Aw319GeneratorOptions());
        generator.WriteReferenceData(_directory);
        var set = ReferenceDataSet.Load(_directory);
        Assert.True(set.IsValid, string.Join("; ", set.Problems.Take(5)));
        var reference = ReferenceSnapshot.Build(set.ToTables());
        var file = generator.ToArray();

        var options = ReceivedBySamplesZorgkantoor(received);
        var prepass = new FilePrepass();
        var structure = await VektisReader.ReadAsync(new MemoryStream(file), prepass, options);
        Assert.True(structure.IsVektis, structure.NotVektisReason);
        Assert.DoesNotContain(structure.FileFaults, f => f.Code.Value is 18 or 25 or 150);
        Assert.Empty(structure.FileFaults);

        var keys = prepass.Complete();
        var adjudicator = new Adjudicator(reference, new DeclarationHistory(), keys, AdjudicationSettings.Default, keys.ContextFor(received));
        using var aw320 = new MemoryStream();
        await Aw320Responder.WriteAsync(() => new MemoryStream(file), structure, adjudicator, aw320, Aw320Header.Create("ZK-DEFAULTS", received), options);

        Assert.Equal(new Aw319GeneratorOptions().Lines, adjudicator.Lines);
        Assert.Equal(adjudicator.Lines, adjudicator.ApprovedLines);
    }

    [Theory]
    [MemberData(nameof(ReadmeReceivedDates))]
    public async Task The_largest_default_file_fits_9907_and_is_accepted_on_READMEs_dates(string receivedText)
    {
        // 999,999 lines with every option at its default: the lines add up, sign ignored, within the 11 positions of 9907
        // (else 0150), addressed to 5509 (else 0018), dated before the day received (else 0025). Streamed through a pipe.
        var received = DateOnly.Parse(receivedText, System.Globalization.CultureInfo.InvariantCulture);
        var generator = new Aw319Generator(new Aw319GeneratorOptions { Lines = Aw319GeneratorOptions.MaxLines });
        Assert.InRange(generator.ExpectedGrossTotalCents, 1, Aw319Generator.MaxNetTotalCents);
        var pipe = new Pipe();
        var writing = Task.Run(async () =>
        {
            try
            {
                await generator.WriteAsync(pipe.Writer);
            }
            finally
            {
                await pipe.Writer.CompleteAsync();
            }
        });
        var faulty = new FaultyRecords();
        var result = await VektisReader.ReadAsync(pipe.Reader, faulty, ReceivedBySamplesZorgkantoor(received));
        await writing;

        Assert.True(result.IsVektis, result.NotVektisReason);
        Assert.Empty(result.FileFaults);
        Assert.Equal(0, faulty.Count);
        Assert.Equal(Aw319GeneratorOptions.MaxLines, result.AantalPrestatierecords);
        Assert.Equal(generator.ExpectedNetTotalCents, result.NetDeclaratiebedrag);
    }

    [Fact]
    public void The_benchmarks_six_day_million_line_file_still_fits()
    {
        // benchmarks/ingestion/run.sh, worker-5m.sh and stream.sh: --lines 999999 --seed 101 --period-days 6.
        var generator = new Aw319Generator(new Aw319GeneratorOptions { Lines = Aw319GeneratorOptions.MaxLines, Seed = 101, PeriodDays = 6 });
        Assert.InRange(generator.ExpectedGrossTotalCents, 1, Aw319Generator.MaxNetTotalCents);
        Assert.True(generator.EarliestReceivedDate <= Aw319GeneratorOptions.SampleReceivedDate);
    }

    private sealed class FaultyRecords : IVektisRecordHandler
    {
        public int Count { get; private set; }

        public void OnRecord(in VektisRecord record)
        {
            if (!record.Faults.IsEmpty)
            {
                Count++;
            }
        }
    }
}
