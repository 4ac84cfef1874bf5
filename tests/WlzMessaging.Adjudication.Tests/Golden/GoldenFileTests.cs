using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests.Golden;

/// <summary>
/// testdata/rules: per rule an AW319 and its exact AW320, answered through <see cref="Aw320Responder"/> with the adjudicator
/// against testdata/rules/reference. The committed AW319 must be the case's file, the answer must equal the committed AW320
/// byte for byte, and that answer is read back and checked record by record against the case's expectations. Set
/// WLZ_UPDATE_GOLDEN=1 to write both files anew (then review the diff).
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("WLZ_UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Names => [.. GoldenCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_answer_is_the_golden_AW320_and_says_what_the_catalogue_says(string name)
    {
        var @case = GoldenCases.Get(name);
        var aw319 = @case.File.Build().ToBytes();
        var (aw320, _) = await AnswerAsync(@case, aw319);
        var aw319Path = RepositoryRoot.Combine("testdata", "rules", name + ".aw319");
        var aw320Path = RepositoryRoot.Combine("testdata", "rules", name + ".aw320");
        if (Update)
        {
            await File.WriteAllBytesAsync(aw319Path, aw319);
            await File.WriteAllBytesAsync(aw320Path, aw320);
        }

        Assert.Equal(await File.ReadAllBytesAsync(aw319Path), aw319);
        Assert.Equal(await File.ReadAllBytesAsync(aw320Path), aw320);
        await VerifyAsync(@case, aw320);
    }

    [Fact]
    public async Task The_mixed_file_fires_every_client_and_line_rule_among_approved_lines()
    {
        var @case = GoldenCases.Get("mixed");
        var (_, answers) = await AnswerAsync(@case, @case.File.Build().ToBytes());

        var fired = answers.Lines.Aggregate(LineRules.None, (all, line) => all | line.Fired);
        // L20 and L21 need toewijzingen, which the mixed file's reference data has none of: their own files show them.
        Assert.Equal(RuleCatalogue.LineRules.Select(r => r.Id).Except(["L20", "L21"]), RuleCatalogue.Of(fired).Select(r => r.Id));
        foreach (var rule in new[] { RuleCatalogue.C01, RuleCatalogue.C02, RuleCatalogue.C03 })
        {
            Assert.Contains(answers.Clients, codes => codes.Contains(rule.Retourcode));
        }

        Assert.True(answers.Lines.Count(l => l.Approved) >= 5);
    }

    [Fact]
    public void Every_client_and_line_rule_has_its_own_golden_file()
    {
        var names = GoldenCases.All.Select(c => c.Name).ToHashSet();
        foreach (var rule in RuleCatalogue.All.Where(r => r.Level != RuleLevel.File))
        {
            Assert.Contains(rule.Id, names);
        }
    }

    /// <summary>Both passes as processing runs them: reader plus prepass, then the responder with the adjudicator.</summary>
    private static async Task<(byte[] Aw320, Capture Answers)> AnswerAsync(GoldenCase @case, byte[] aw319)
    {
        var options = new VektisReaderOptions { ReceivedDate = @case.Received, ExpectedUzovi = Aw319Builder.Uzovi };
        var prepass = new FilePrepass();
        var structure = await VektisReader.ReadAsync(new MemoryStream(aw319), prepass, options);
        Assert.False(structure.IsRejected, string.Join("; ", structure.FileFaults));
        var result = prepass.Complete();
        var reference = @case.WithToewijzingen ? RulesReference.WithToewijzingen : RulesReference.Snapshot;
        var adjudicator = new Adjudicator(reference, @case.History.Value, result, AdjudicationSettings.Default, result.ContextFor(@case.Received));
        var capture = new Capture(adjudicator);
        var header = Aw320Header.Create("ZK-" + @case.Name.ToUpperInvariant(), @case.Received.AddDays(2));
        using var output = new MemoryStream();
        await Aw320Responder.WriteAsync(() => new MemoryStream(aw319), structure, capture, output, header, options);
        return (output.ToArray(), capture);
    }

    /// <summary>Reads the answer back and holds every record to the case, and the 01 and 99 to the lines.</summary>
    private static async Task VerifyAsync(GoldenCase @case, byte[] aw320)
    {
        var read = new ReadBack();
        var structure = await VektisReader.ReadAsync(new MemoryStream(aw320), read);
        Assert.Equal(MessageKind.Aw320, structure.Kind);
        Assert.False(structure.IsRejected, string.Join("; ", structure.FileFaults));

        Assert.Equal(@case.Voorloop, read.Voorloop);
        Assert.Equal(@case.Records.Count, read.Records.Count);
        for (var i = 0; i < @case.Records.Count; i++)
        {
            var expected = @case.Records[i];
            var actual = read.Records[i];
            var where = $"{@case.Name} detail record {i + 1}";
            Assert.True(expected.Type == actual.Type, $"{where}: type {actual.Type}, expected {expected.Type}");
            Assert.True(expected.Codes == actual.Codes, $"{where}: codes {actual.Codes}, expected {expected.Codes}");
            if (actual.Type == "04")
            {
                Assert.True(expected.Berekend == actual.Berekend, $"{where}: 0481 {actual.Berekend}, expected {expected.Berekend}");
                var granted = actual.Codes == "8001" ? actual.Declared : 0;
                Assert.True(granted == actual.Toegekend, $"{where}: 0483 {actual.Toegekend}, expected {granted}");
            }
        }

        Assert.Equal(read.Records.Sum(r => r.Declared), read.TotaalIngediend);
        Assert.Equal(read.Records.Sum(r => r.Toegekend), read.TotaalToegekend);
    }

    /// <summary>The adjudicator as the responder sees it, keeping each line's outcome and each client's codes.</summary>
    private sealed class Capture(Adjudicator adjudicator) : IRecordAnswers
    {
        public List<LineOutcome> Lines { get; } = [];

        public List<RetourcodeSet> Clients { get; } = [];

        public RetourcodeSet AnswerVerzekerde(in VerzekerdeRecord record)
        {
            var codes = adjudicator.AnswerVerzekerde(record);
            Clients.Add(codes);
            return codes;
        }

        public PrestatieAnswer AnswerPrestatie(in PrestatieRecord record)
        {
            var answer = adjudicator.AnswerPrestatie(record);
            Lines.Add(adjudicator.LastLine);
            return answer;
        }

        public RetourcodeSet AnswerCommentaar(in CommentaarRecord record) => adjudicator.AnswerCommentaar(record);
    }

    private sealed record Answered(string Type, string Codes, long Declared = 0, long Berekend = 0, long Toegekend = 0);

    /// <summary>The answer part of every record of an AW320.</summary>
    private sealed class ReadBack : IVektisRecordHandler
    {
        public string Voorloop { get; private set; } = "";

        public List<Answered> Records { get; } = [];

        public long TotaalIngediend { get; private set; }

        public long TotaalToegekend { get; private set; }

        public void OnRecord(in VektisRecord record)
        {
            switch (record.Type)
            {
                case RecordType.Voorloop:
                    Voorloop = record.AsVoorloop().Retourcodes.ToString();
                    break;
                case RecordType.Verzekerde:
                    Records.Add(new Answered("02", record.AsVerzekerde().Retourcodes.ToString()));
                    break;
                case RecordType.Prestatie:
                    var line = record.AsPrestatie();
                    var berekendSign = record.Field(Aw320Layout.Prestatie.IndicatieDebetCredit03)[0];
                    Records.Add(new Answered(
                        "04",
                        line.Retourcodes.ToString(),
                        line.DeclaratiebedragSigned,
                        DebetCredit.Signed(line.BerekendBedragZorgverzekeraar, berekendSign),
                        line.ToegekendBedragSigned));
                    break;
                case RecordType.Commentaar:
                    Records.Add(new Answered("98", record.AsCommentaar().Retourcodes.ToString()));
                    break;
                case RecordType.Sluit:
                    var sluit = record.AsSluit();
                    TotaalIngediend = DebetCredit.Signed(
                        record.Number(Aw320Layout.Sluit.TotaalIngediend), record.Field(Aw320Layout.Sluit.IndicatieDebetCredit01)[0]);
                    TotaalToegekend = sluit.TotaalToegekendSigned;
                    break;
            }
        }
    }
}
