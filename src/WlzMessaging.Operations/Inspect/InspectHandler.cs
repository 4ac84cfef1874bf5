using WlzMessaging.Vektis;

namespace WlzMessaging.Operations.Inspect;

/// <summary>Where inspect's output goes: text for people or JSON for machines.</summary>
public interface IInspectWriter
{
    void Begin(string file, long bytes);

    /// <summary>One record; <paramref name="answers"/> is true when it is an AW320 record with its answer part.</summary>
    void Record(in VektisRecord record, bool answers);

    void End(VektisReadResult result, InspectTotals totals);

    ValueTask FlushAsync(CancellationToken cancellationToken);
}

/// <summary>Counts every record and hands the first <c>maxRecords</c> to the writer.</summary>
public sealed class InspectHandler(IInspectWriter writer, long maxRecords) : IVektisRecordHandler
{
    public InspectTotals Totals { get; } = new();

    public void OnRecord(in VektisRecord record)
    {
        var totals = Totals;
        totals.Records++;
        if (!record.Faults.IsEmpty)
        {
            totals.RecordsWithFaults++;
        }

        if (!record.HasValidLength)
        {
            totals.Malformed++;
        }

        var answers = record.HasValidLength && record.Bytes.Length == Aw320Layout.RecordLength;
        totals.HasAnswers |= answers;
        switch (record.Type)
        {
            case RecordType.Verzekerde:
                totals.Clients++;
                break;
            case RecordType.Commentaar:
                totals.Comments++;
                break;
            case RecordType.Prestatie:
                totals.Lines++;
                if (record.HasValidLength)
                {
                    CountLine(record.AsPrestatie(), answers);
                }

                break;
            case RecordType.Voorloop:
            case RecordType.Sluit:
                break;
            default:
                totals.OtherRecords++;
                break;
        }

        if (totals.Shown < maxRecords)
        {
            totals.Shown++;
            writer.Record(record, answers);
        }
    }

    public ValueTask AfterBatchAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

    private void CountLine(PrestatieRecord line, bool answers)
    {
        var totals = Totals;
        var amount = line.Declaratiebedrag;
        if (amount >= 0)
        {
            if (line.IsCredit)
            {
                totals.CreditLines++;
                totals.CreditCents += amount;
            }
            else
            {
                totals.DebitLines++;
                totals.DebitCents += amount;
            }
        }

        if (answers)
        {
            if (line.Retourcodes.Contains(Retourcodes.VolledigToegewezen))
            {
                totals.ApprovedLines++;
            }
            else
            {
                totals.RejectedLines++;
            }

            if (line.ToegekendBedrag >= 0)
            {
                totals.ToegekendNetCents += line.ToegekendBedragSigned;
            }
        }
    }
}
