using Microsoft.Extensions.Configuration;
using WlzMessaging.Adjudication;
using WlzMessaging.Generator;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion.Processing;
using WlzMessaging.Storage;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests.Funding;

/// <summary>
/// 8288 at the protocol's cutoff: the adjudicator's settings are built from the configured protocols (the second protocol
/// of testdata closes 2024 on the 17th working day of February 2025, the 26th; VGZ 2024 on 25 March), and a file of 2024
/// lines is judged on the cutoff day and the day after.
/// </summary>
public sealed class ProtocolCutoffTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wlz-cutoff-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Lines_of_2024_get_8288_after_the_second_protocol_s_cutoff_and_not_on_it()
    {
        var second = Settings(RepositoryRoot.Combine("testdata", "protocols", "second"));

        Assert.Equal(new DateOnly(2025, 2, 26), second.CutoffFor(2024));
        Assert.All(await Late(second, new DateOnly(2025, 2, 26)), Assert.False);
        Assert.All(await Late(second, new DateOnly(2025, 2, 27)), Assert.True);
    }

    [Fact]
    public async Task The_default_protocol_keeps_2024_open_until_25_March()
    {
        var vgz = Settings(directory: null);

        Assert.Equal(new DateOnly(2025, 3, 25), vgz.CutoffFor(2024));
        Assert.All(await Late(vgz, new DateOnly(2025, 3, 25)), Assert.False);
        Assert.All(await Late(vgz, new DateOnly(2025, 3, 26)), Assert.True);
    }

    [Fact]
    public void Cutoffs_YYYY_still_overrides_one_year()
    {
        var settings = AdjudicatingAnswering.SettingsFrom(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Funding:Protocols"] = RepositoryRoot.Combine("testdata", "protocols", "second"),
            ["Cutoffs:2024"] = "2025-03-01",
        }).Build());

        Assert.Equal(new DateOnly(2025, 3, 1), settings.CutoffFor(2024));
        Assert.Equal(new DateOnly(2026, 2, 25), settings.CutoffFor(2025)); // the 17th working day of February 2026
    }

    [Fact]
    public void A_broken_protocol_directory_stops_the_worker_with_every_error()
    {
        var problems = Assert.Throws<WlzMessaging.Ingestion.Worker.WorkerConfigurationException>(() => WlzMessaging.Ingestion.Worker.WorkerSettings.Load(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Uzovi"] = "5509",
                ["Mailbox:Inbox"] = Path.Combine(_dir, "in"),
                ["Mailbox:Outbox"] = Path.Combine(_dir, "out"),
                ["Mailbox:Archive"] = Path.Combine(_dir, "archive"),
                ["Mailbox:Quarantine"] = Path.Combine(_dir, "quarantine"),
                ["Funding:Protocols"] = RepositoryRoot.Combine("testdata", "protocols", "broken"),
            }).Build())).Problems;

        Assert.Contains("Funding:Protocols: errors-2024.json: $.cap: 'per-quarter' is not one of: cumulative-monthly", problems);
        Assert.Equal(14, problems.Count);
    }

    private static AdjudicationSettings Settings(string? directory) =>
        AdjudicatingAnswering.SettingsFrom(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Funding:Protocols"] = directory,
        }).Build());

    /// <summary>Per line of a generated file of November 2024 judged on <paramref name="received"/>: whether it got 8288.</summary>
    private async Task<bool[]> Late(AdjudicationSettings settings, DateOnly received)
    {
        var input = Path.Combine(_dir, "nov-2024.aw319");
        var referenceDir = Path.Combine(_dir, "reference");
        if (!File.Exists(input))
        {
            Directory.CreateDirectory(_dir);
            var generator = new Aw319Generator(new Aw319GeneratorOptions { Lines = 20, Seed = 7, Month = new DateOnly(2024, 11, 1) });
            generator.WriteReferenceData(referenceDir);
            await generator.WriteFileAsync(input);
        }

        var reference = Aw319Files.LoadReference(referenceDir);
        var options = new VektisReaderOptions { ReceivedDate = received };
        var prepass = new FilePrepass();
        var structure = await VektisReader.ReadFileAsync(input, prepass, options);
        Assert.False(structure.IsRejected);
        var keys = prepass.Complete();
        var adjudicator = new Adjudicator(reference, new DeclarationHistory(), keys, settings, keys.ContextFor(received));
        var codes = new LateLines(adjudicator);
        await VektisReader.ReadFileAsync(input, codes, options);
        Assert.Equal(20, codes.Codes.Count);
        return [.. codes.Codes];
    }

    private sealed class LateLines(Adjudicator adjudicator) : IVektisRecordHandler
    {
        public List<bool> Codes { get; } = [];

        public void OnRecord(in VektisRecord record)
        {
            switch (record.Type)
            {
                case RecordType.Verzekerde:
                    adjudicator.AnswerVerzekerde(record.AsVerzekerde());
                    break;
                case RecordType.Prestatie:
                    Codes.Add(adjudicator.AnswerPrestatie(record.AsPrestatie()).Retourcodes.Contains(Retourcodes.DeclaratiejaarAfgesloten));
                    break;
            }
        }
    }
}
