using System.Buffers;
using System.Text;
using System.Text.Json;
using WlzMessaging.Vektis;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Operations.Inspect;

/// <summary>
/// The same as the text output, as one JSON document streamed with <see cref="Utf8JsonWriter"/> (no reflection):
/// <c>{"file", "bytes", "records": [...], "totals": {...}, "isVektis", "notVektisReason", "rejected", "faults": [...]}</c>.
/// Amounts are signed cents; fields that are not numbers are null; the same masking as the text (last three BSN digits).
/// The default encoder escapes everything outside ASCII, so the output can be cut into chunks anywhere between records.
/// </summary>
public sealed class JsonInspectWriter : IInspectWriter, IDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly TextWriter _output;
    private readonly bool _showText;
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkSize * 2);
    private readonly Utf8JsonWriter _json;

    public JsonInspectWriter(TextWriter output, bool showText)
    {
        _output = output;
        _showText = showText;
        _json = new Utf8JsonWriter(_buffer);
    }

    public void Dispose() => _json.Dispose();

    public void Begin(string file, long bytes)
    {
        _json.WriteStartObject();
        _json.WriteString("file", file);
        _json.WriteNumber("bytes", bytes);
        _json.WriteStartArray("records");
    }

    public void Record(in VektisRecord record, bool answers)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteNumber("n", record.RecordNumber);
        json.WriteString("type", Decode.Kenmerk(record.Bytes));
        json.WriteString("name", Decode.RecordName(record.Type));
        json.WriteNumber("length", record.Bytes.Length);
        if (record.HasValidLength && record.Type is not (RecordType.Unknown or RecordType.Debiteur))
        {
            switch (record.Type)
            {
                case RecordType.Voorloop:
                    Voorloop(record.AsVoorloop(), answers);
                    break;
                case RecordType.Verzekerde:
                    Verzekerde(record.AsVerzekerde(), answers);
                    break;
                case RecordType.Prestatie:
                    Prestatie(record.AsPrestatie(), answers);
                    break;
                case RecordType.Commentaar:
                    Commentaar(record.AsCommentaar(), answers);
                    break;
                case RecordType.Sluit:
                    Sluit(record.AsSluit(), answers);
                    break;
            }
        }

        Codes("faults", record.Faults);
        json.WriteEndObject();
        if (_json.BytesPending >= ChunkSize)
        {
            Drain();
        }
    }

    public void End(VektisReadResult result, InspectTotals totals)
    {
        var json = _json;
        json.WriteEndArray();
        json.WriteString("kind", result.Kind switch { MessageKind.Aw320 => "AW320", MessageKind.Aw319 => "AW319", _ => "unknown" });
        json.WriteBoolean("isVektis", result.IsVektis);
        if (result.NotVektisReason is { } reason)
        {
            json.WriteString("notVektisReason", reason);
        }
        else
        {
            json.WriteNull("notVektisReason");
        }

        json.WriteBoolean("rejected", result.IsRejected);
        json.WriteStartObject("totals");
        json.WriteNumber("records", totals.Records);
        json.WriteNumber("shown", totals.Shown);
        json.WriteNumber("clients", totals.Clients);
        json.WriteNumber("lines", totals.Lines);
        json.WriteNumber("comments", totals.Comments);
        json.WriteNumber("otherRecords", totals.OtherRecords);
        json.WriteNumber("debitLines", totals.DebitLines);
        json.WriteNumber("debitCents", totals.DebitCents);
        json.WriteNumber("creditLines", totals.CreditLines);
        json.WriteNumber("creditCents", totals.CreditCents);
        json.WriteNumber("netCents", totals.NetCents);
        json.WriteNumber("malformedRecords", totals.Malformed);
        json.WriteNumber("recordsWithFaults", totals.RecordsWithFaults);
        if (totals.HasAnswers)
        {
            json.WriteNumber("approvedLines", totals.ApprovedLines);
            json.WriteNumber("rejectedLines", totals.RejectedLines);
            json.WriteNumber("toegekendNetCents", totals.ToegekendNetCents);
        }

        json.WriteEndObject();
        json.WriteStartArray("faults");
        foreach (var fault in result.FileFaults)
        {
            json.WriteStartObject();
            json.WriteNumber("record", fault.RecordNumber);
            json.WriteString("code", fault.Code.ToString());
            json.WriteString("meaning", Decode.Meaning(fault.Code));
            json.WriteString("message", fault.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("faultsNotKept", result.FileFaultsNotKept);
        json.WriteEndObject();
        Drain();
        _output.WriteLine();
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_json.BytesPending + _buffer.WrittenCount >= ChunkSize)
        {
            Drain();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Moves what the JSON writer holds to the output (ASCII only, so any cut between tokens is safe).</summary>
    private void Drain()
    {
        _json.Flush();
        _output.Write(Encoding.ASCII.GetString(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
    }

    private void Voorloop(VoorloopRecord r, bool answers)
    {
        var json = _json;
        var record = r.Record;
        Number("codeBericht", r.CodeBericht);
        Number("versie", r.Versienummer);
        Number("subversie", r.Subversienummer);
        json.WriteString("soortBericht", Decode.Text(record.Field(V.SoortBericht)));
        Number("uzovi", r.UzoviNummer);
        // An AGB code is a string of 8 digits in every JSON of wlz (its leading zero kept); null when unreadable.
        if (r.Instellingscode >= 0)
        {
            json.WriteString("agb", r.Instellingscode.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("agb");
        }

        Number("betalingAan", r.BetalingAan);
        Date("periodeBegin", record.Field(V.BegindatumDeclaratieperiode));
        Date("periodeEind", record.Field(V.EinddatumDeclaratieperiode));
        json.WriteString("factuurnummer", Decode.Text(r.Factuurnummer));
        Date("dagtekeningFactuur", record.Field(V.DagtekeningFactuur));
        json.WriteString("valuta", Decode.Text(r.Valutacode));
        if (answers)
        {
            json.WriteString("referentienummerZorgverzekeraar", Decode.Text(record.Field(Aw320Layout.Voorloop.ReferentienummerZorgverzekeraar)));
            Date("dagtekeningRetour", record.Field(Aw320Layout.Voorloop.DagtekeningRetourbericht));
            Codes("retourcodes", r.Retourcodes);
        }
    }

    private void Verzekerde(VerzekerdeRecord r, bool answers)
    {
        var json = _json;
        var bsn = r.Record.Field(Z.Bsn);
        Number("id", r.IdentificatieDetailrecord);
        if (Decode.BsnLastThree(bsn) is { } last)
        {
            json.WriteString("bsnLast3", last);
        }
        else
        {
            json.WriteNull("bsnLast3");
        }

        json.WriteBoolean("bsnElfproef", Decode.PassesElfproef(bsn));
        Number("uzovi", r.UzoviNummer);
        Number("geslacht", r.CodeGeslacht);
        if (answers)
        {
            Codes("retourcodes", r.Retourcodes);
        }
    }

    private void Prestatie(PrestatieRecord r, bool answers)
    {
        var json = _json;
        var record = r.Record;
        Number("id", r.IdentificatieDetailrecord);
        json.WriteString("prestatiecode", Decode.Text(r.Prestatiecode));
        Number("zzp", r.Zorgzwaartepakketcode);
        Number("functie", r.Functiecode);
        Date("begin", record.Field(P.BegindatumPrestatie));
        Date("end", record.Field(P.EinddatumPrestatie));
        Number("aantal", r.Aantal);
        Number("tijdseenheid", r.Tijdseenheid);
        Number("tariefCents", r.Tarief);
        Signed("berekendBedragCents", r.BerekendBedrag, r.IndicatieDebetCredit01);
        Signed("declaratiebedragCents", r.Declaratiebedrag, r.IndicatieDebetCredit02);
        json.WriteString("debetCredit", Decode.Indicator(r.IndicatieDebetCredit02).ToString());
        json.WriteString("referentienummer", Decode.Text(r.Referentienummer));
        var previous = Decode.Text(r.ReferentienummerVoorgaand);
        if (previous.Length > 0)
        {
            json.WriteString("referentienummerVoorgaand", previous);
        }
        else
        {
            json.WriteNull("referentienummerVoorgaand");
        }

        if (answers)
        {
            Signed("berekendZorgverzekeraarCents", r.BerekendBedragZorgverzekeraar, record.Field(Aw320Layout.Prestatie.IndicatieDebetCredit03) is [var b] ? b : (byte)0);
            Signed("toegekendCents", r.ToegekendBedrag, r.IndicatieDebetCredit04);
            Codes("retourcodes", r.Retourcodes);
        }
    }

    private void Commentaar(CommentaarRecord r, bool answers)
    {
        var text = r.VrijeTekst.TrimEnd((byte)' ');
        Number("id", r.IdentificatieDetailrecord);
        Number("regel", r.Regelnummer);
        _json.WriteNumber("textLength", text.Length);
        if (_showText)
        {
            _json.WriteString("text", Decode.Text(text));
        }

        if (answers)
        {
            Codes("retourcodes", r.Retourcodes);
        }
    }

    private void Sluit(SluitRecord r, bool answers)
    {
        Number("verzekerdenrecords", r.AantalVerzekerdenrecords);
        Number("debiteurrecords", r.AantalDebiteurrecords);
        Number("prestatierecords", r.AantalPrestatierecords);
        Number("commentaarrecords", r.AantalCommentaarrecords);
        Number("detailrecords", r.TotaalAantalDetailrecords);
        Signed("totaalDeclaratiebedragCents", r.TotaalDeclaratiebedrag, r.IndicatieDebetCredit);
        if (answers)
        {
            Signed("totaalToegekendCents", r.TotaalToegekend, r.Record.Field(Aw320Layout.Sluit.IndicatieDebetCredit02) is [var b] ? b : (byte)0);
        }
    }

    private void Number(string name, long value)
    {
        if (value >= 0)
        {
            _json.WriteNumber(name, value);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void Signed(string name, long amount, byte indicator)
    {
        if (amount >= 0 && DebetCredit.IsValid(indicator))
        {
            _json.WriteNumber(name, DebetCredit.Signed(amount, indicator));
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void Date(string name, ReadOnlySpan<byte> field)
    {
        if (VektisDate.TryParse(field, out var date))
        {
            _json.WriteString(name, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void Codes(string name, RetourcodeSet codes)
    {
        _json.WriteStartArray(name);
        for (var i = 0; i < codes.Count; i++)
        {
            _json.WriteStartObject();
            _json.WriteString("code", codes[i].ToString());
            _json.WriteString("meaning", Decode.Meaning(codes[i]));
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }
}
