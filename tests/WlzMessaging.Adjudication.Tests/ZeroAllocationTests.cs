using WlzMessaging.Adjudication.Tests.Support;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests;

/// <summary>
/// Judging a line allocates nothing once the adjudicator is built: many lines over every path (approvals, credits of lines
/// in the history and in the file, repeats, cancelling pairs, duplicates, meerzorg, rejected clients) are judged while the
/// bytes this thread allocates are counted. No timing is asserted; speed is the benchmark's business.
/// </summary>
public sealed class ZeroAllocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // rules L20 and L21 read the client's toewijzingen as a span of the snapshot
    public async Task Judging_lines_allocates_nothing(bool withToewijzingen)
    {
        var (file, history) = ManyPaths();
        var bytes = file.ToBytes();
        var prepass = new FilePrepass();
        await VektisReader.ReadAsync(new MemoryStream(bytes), prepass);
        var result = prepass.Complete();
        var records = file.Records.Select(r => r.Bytes).ToArray();

        // A first adjudicator over the whole file brings every path to the JIT; the second one is measured.
        Run(NewAdjudicator(), records);
        var adjudicator = NewAdjudicator();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (approved, rejected) = Run(adjudicator, records);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(result.Lines, approved + rejected);
        // Under the rules' toewijzingen client D's Z-lines (a VPT toewijzing) are rejected too: fewer approvals, still many.
        Assert.True(approved > (withToewijzingen ? 300 : 400) && rejected > 400, $"{approved} approved, {rejected} rejected: the file should take both paths often");

        Adjudicator NewAdjudicator() =>
            new(withToewijzingen ? RulesReference.WithToewijzingen : RulesReference.Snapshot, history.Value, result, AdjudicationSettings.Default, result.ContextFor(Aw319Builder.Received));
    }

    private static (int Approved, int Rejected) Run(Adjudicator adjudicator, byte[][] records)
    {
        var approved = 0;
        var rejected = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var record = new VektisRecord(records[i], VektisRecord.TypeOf(records[i]), i + 1, default, hasValidLength: true);
            switch (record.Type)
            {
                case RecordType.Verzekerde:
                    adjudicator.AnswerVerzekerde(record.AsVerzekerde());
                    break;
                case RecordType.Prestatie:
                    if (adjudicator.AnswerPrestatie(record.AsPrestatie()).IsApproved)
                    {
                        approved++;
                    }
                    else
                    {
                        rejected++;
                    }

                    break;
                case RecordType.Commentaar:
                    adjudicator.AnswerCommentaar(record.AsCommentaar());
                    break;
            }
        }

        return (approved, rejected);
    }

    /// <summary>Per day of January and early February, for two clients with care, a mix of every kind of line.</summary>
    private static (Aw319File File, History History) ManyPaths()
    {
        var builder = new Aw319Builder();
        var history = new History();
        foreach (var (bsn, k) in new[] { (Clients.A, "A"), (Clients.D, "D") })
        {
            builder.Client(bsn).Comment("veel regels");
            for (var d = 0; d < 40; d++)
            {
                var day = Aw319Builder.January1.AddDays(d);
                var december = new DateOnly(2024, 12, 1).AddDays(d % 31);
                history.Received($"{k}OUD{d:D3}");
                history.ApprovedDebit($"{k}HIST{d:D3}", bsn, "H126", december, december, 60 * 105);

                builder
                    .Line("Z015", day, day, 1, 14730, $"{k}Z{d:D3}")                                        // approved
                    .Line("H126", day, day, 60, 105, $"{k}H{d:D3}").Comment("opmerking")                     // approved
                    .Line("H126", day, day, 30, 105, $"{k}HC{d:D3}", credit: true, voorgaand: $"{k}H{d:D3}") // credits a line of this file
                    .Line("H126", day, day, 60, 105, $"{k}HN{d:D3}")                                         // approved again after the credit
                    .Line("Z015", day, day, 1, 14730, $"{k}ZD{d:D3}")                                        // 8216
                    .Line("Z015", day, day, 1, 14730, $"{k}Z{d:D3}")                                         // 8192 and 8216
                    .Line("H126", december, december, 60, 105, $"{k}HHC{d:D3}", credit: true, voorgaand: $"{k}HIST{d:D3}") // credits history
                    .Line("H126", day, day, 10, 105, $"{k}OUD{d:D3}")                                        // 8021
                    .Line("ZMZ01", day, day, 1, 9850, $"{k}M{d:D3}")                                         // approved for A, 8614 for D
                    .Line("Z015", day, day, 1, 14800, $"{k}T{d:D3}")                                         // 0611
                    .Line("F125", day, day, 2, 6120, $"{k}F{d:D3}")                                          // approved, or 0582 after 15 January
                    .Line("Z015", day, day, 1, 14730, $"{k}PD{d:D3}")                                        // with the next: 8062 (and 8216)
                    .Line("Z015", day, day, 1, 14730, $"{k}PC{d:D3}", credit: true, voorgaand: $"{k}PD{d:D3}");
            }
        }

        builder.Client(Clients.C);
        for (var d = 0; d < 40; d++)
        {
            builder.Line("Z015", Aw319Builder.January1.AddDays(d), Aw319Builder.January1.AddDays(d), 1, 14730, $"C{d:D3}"); // 8290
        }

        builder.Client(Clients.Invalid);
        for (var d = 0; d < 40; d++)
        {
            builder.Line("Z015", Aw319Builder.January1.AddDays(d), Aw319Builder.January1.AddDays(d), 1, 14730, $"X{d:D3}").Comment("8002"); // 8002
        }

        return (builder.Build(), history);
    }
}
