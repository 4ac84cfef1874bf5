using System.Text;

namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>A file as a list of records that a test may still change, then writes out with CR LF after every record.</summary>
internal sealed class Aw319File(List<TestRecord> records)
{
    public List<TestRecord> Records { get; } = records;

    public TestRecord this[int index] => Records[index];

    public TestRecord Voorloop => Records[0];

    public TestRecord Sluit => Records[^1];

    public int IndexOf(RecordType type, int occurrence = 0) =>
        Records.Select((r, i) => (r, i)).Where(x => x.r.Type == type).Skip(occurrence).First().i;

    public Aw319File Edit(int index, Action<TestRecord> edit)
    {
        edit(Records[index]);
        return this;
    }

    /// <summary>
    /// Sets the 99's counts and net total to what the records hold now, so a test that adds or removes records on purpose
    /// gets only the fault it is about.
    /// </summary>
    public Aw319File Recount()
    {
        int Count(RecordType type) => Records.Count(r => r.Type == type);
        var net = Records.Where(r => r.Type == RecordType.Prestatie).Sum(r =>
        {
            var amount = long.Parse(r.Get(Aw319Layout.Prestatie.Declaratiebedrag), System.Globalization.CultureInfo.InvariantCulture);
            return r.Get(Aw319Layout.Prestatie.IndicatieDebetCredit02) == "C" ? -amount : amount;
        });
        var sluit = Records.Last(r => r.Type == RecordType.Sluit);
        sluit.Set(Aw319Layout.Sluit.AantalVerzekerdenrecords, Count(RecordType.Verzekerde))
            .Set(Aw319Layout.Sluit.AantalDebiteurrecords, Count(RecordType.Debiteur))
            .Set(Aw319Layout.Sluit.AantalPrestatierecords, Count(RecordType.Prestatie))
            .Set(Aw319Layout.Sluit.AantalCommentaarrecords, Count(RecordType.Commentaar))
            .Set(Aw319Layout.Sluit.TotaalAantalDetailrecords,
                Count(RecordType.Verzekerde) + Count(RecordType.Debiteur) + Count(RecordType.Prestatie) + Count(RecordType.Commentaar))
            .Set(Aw319Layout.Sluit.TotaalDeclaratiebedrag, Math.Abs(net))
            .Set(Aw319Layout.Sluit.IndicatieDebetCredit, net < 0 ? "C" : "D");
        return this;
    }

    public byte[] ToBytes(string lineEnd = "\r\n")
    {
        var end = Encoding.ASCII.GetBytes(lineEnd);
        var output = new List<byte>(Records.Sum(r => r.Bytes.Length + end.Length));
        foreach (var record in Records)
        {
            output.AddRange(record.Bytes);
            output.AddRange(end);
        }

        return [.. output];
    }
}
