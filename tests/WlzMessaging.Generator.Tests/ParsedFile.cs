using System.Text;
using WlzMessaging.Vektis;

namespace WlzMessaging.Generator.Tests;

/// <summary>A generated file read back with the codec's reader, its records copied out for assertions.</summary>
internal sealed class ParsedFile : IVektisRecordHandler
{
    public List<Client> Clients { get; } = [];

    public List<Line> Lines { get; } = [];

    public List<(long Id, string Text)> Comments { get; } = [];

    public List<(long RecordNumber, RetourcodeSet Faults)> RecordFaults { get; } = [];

    public string Voorloop { get; private set; } = "";

    public string Sluit { get; private set; } = "";

    public VektisReadResult Result { get; private set; } = null!;

    public static ParsedFile Read(byte[] bytes, VektisReaderOptions? options = null)
    {
        var parsed = new ParsedFile();
        using var stream = new MemoryStream(bytes);
        parsed.Result = VektisReader.ReadAsync(stream, parsed, options).AsTask().GetAwaiter().GetResult();
        return parsed;
    }

    public void OnRecord(in VektisRecord record)
    {
        if (!record.Faults.IsEmpty)
        {
            RecordFaults.Add((record.RecordNumber, record.Faults));
        }

        switch (record.Type)
        {
            case RecordType.Voorloop:
                Voorloop = Encoding.Latin1.GetString(record.Bytes);
                break;
            case RecordType.Verzekerde:
                var v = record.AsVerzekerde();
                Clients.Add(new Client(v.IdentificatieDetailrecord, record.Text(Aw319Layout.Verzekerde.Bsn), v.DatumGeboorte, record.Text(Aw319Layout.Verzekerde.Naam01)));
                break;
            case RecordType.Prestatie:
                var p = record.AsPrestatie();
                Lines.Add(new Line(
                    p.IdentificatieDetailrecord,
                    Clients.Count - 1,
                    record.Text(Aw319Layout.Prestatie.Bsn),
                    Encoding.ASCII.GetString(p.Prestatiecode).TrimEnd(),
                    p.Functiecode,
                    p.Zorgzwaartepakketcode,
                    p.BegindatumPrestatie!.Value,
                    p.EinddatumPrestatie!.Value,
                    p.Aantal,
                    p.Tijdseenheid,
                    p.Tarief,
                    p.BerekendBedrag,
                    (char)p.IndicatieDebetCredit01,
                    p.Declaratiebedrag,
                    (char)p.IndicatieDebetCredit02,
                    Encoding.ASCII.GetString(p.Referentienummer).TrimEnd(),
                    Encoding.ASCII.GetString(p.ReferentienummerVoorgaand).TrimEnd()));
                break;
            case RecordType.Commentaar:
                var c = record.AsCommentaar();
                Comments.Add((c.IdentificatieDetailrecord, Encoding.Latin1.GetString(c.VrijeTekst).TrimEnd()));
                break;
            case RecordType.Sluit:
                Sluit = Encoding.Latin1.GetString(record.Bytes);
                break;
        }
    }

    internal sealed record Client(long Id, string Bsn, DateOnly? Birth, string Name);

    internal sealed record Line(
        long Id,
        int Client,
        string Bsn,
        string Prestatiecode,
        int Functiecode,
        int Zzp,
        DateOnly Begin,
        DateOnly End,
        int Aantal,
        int Tijdseenheid,
        long Tarief,
        long Berekend,
        char Dc1,
        long Bedrag,
        char Dc2,
        string Referentie,
        string Voorgaand)
    {
        public bool IsCredit => Dc2 == 'C';

        public long Signed => IsCredit ? -Bedrag : Bedrag;
    }
}
