using System.Globalization;
using System.Text;
using WlzMessaging.Vektis;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Operations.Inspect;

/// <summary>One line per record with its key fields decoded, then totals and the faults with where they are.</summary>
public sealed class TextInspectWriter(TextWriter output, bool showText) : IInspectWriter
{
    private readonly StringBuilder _line = new(256);

    public void Begin(string file, long bytes) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {bytes:N0} bytes"));

    public void Record(in VektisRecord record, bool answers)
    {
        var line = _line.Clear();
        line.Append(CultureInfo.InvariantCulture, $"{record.RecordNumber,8}  {Decode.Kenmerk(record.Bytes)} {Decode.RecordName(record.Type),-9} ");
        if (!record.HasValidLength || record.Type is RecordType.Unknown or RecordType.Debiteur)
        {
            line.Append(CultureInfo.InvariantCulture, $"({record.Bytes.Length} positions: fields not shown)");
        }
        else
        {
            switch (record.Type)
            {
                case RecordType.Voorloop:
                    Voorloop(line, record.AsVoorloop(), answers);
                    break;
                case RecordType.Verzekerde:
                    Verzekerde(line, record.AsVerzekerde(), answers);
                    break;
                case RecordType.Prestatie:
                    Prestatie(line, record.AsPrestatie(), answers);
                    break;
                case RecordType.Commentaar:
                    Commentaar(line, record.AsCommentaar(), answers);
                    break;
                case RecordType.Sluit:
                    Sluit(line, record.AsSluit(), answers);
                    break;
            }
        }

        if (!record.Faults.IsEmpty)
        {
            line.Append("  FAULT ").Append(Decode.Codes(record.Faults));
        }

        output.WriteLine(line);
    }

    public void End(VektisReadResult result, InspectTotals totals)
    {
        var kind = result.Kind switch { MessageKind.Aw320 => "AW320", MessageKind.Aw319 => "AW319", _ => "unknown message" };
        if (totals.Shown < totals.Records)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... {totals.Records - totals.Shown:N0} more records not shown (--max-records)"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"totals: {kind}, {totals.Records:N0} records: {totals.Clients:N0} clients, {totals.Lines:N0} lines ({totals.DebitLines:N0} debit EUR {Operations.Money.DebetCredit(totals.DebitCents)}, {totals.CreditLines:N0} credit EUR {Operations.Money.DebetCredit(-totals.CreditCents)}), {totals.Comments:N0} comments; net declared EUR {Operations.Money.DebetCredit(totals.NetCents)}"));
        if (totals.HasAnswers)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"answers: {totals.ApprovedLines:N0} lines approved (8001), {totals.RejectedLines:N0} not; net granted EUR {Operations.Money.DebetCredit(totals.ToegekendNetCents)}"));
        }

        if (!result.IsVektis)
        {
            output.WriteLine($"not a Vektis file: {result.NotVektisReason}");
        }

        if (result.FileFaults.Count == 0)
        {
            output.WriteLine(result.IsVektis ? "faults: none in the file's structure" : "faults: none beyond the above");
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"faults: {result.FileFaults.Count + result.FileFaultsNotKept:N0}; the file is rejected as a whole (0001). Where it breaks:"));
            foreach (var fault in result.FileFaults)
            {
                var where = fault.RecordNumber > 0 ? $"record {fault.RecordNumber}" : "file";
                output.WriteLine($"  {where}: {fault.Code} {Decode.Meaning(fault.Code)}: {fault.Message}");
            }

            if (result.FileFaultsNotKept > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {result.FileFaultsNotKept:N0} more"));
            }
        }

        if (totals.RecordsWithFaults > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"records with faults of their own: {totals.RecordsWithFaults:N0} (marked FAULT above)"));
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private static void Voorloop(StringBuilder line, VoorloopRecord r, bool answers)
    {
        var record = r.Record;
        line.Append(CultureInfo.InvariantCulture,
            $"code {Decode.Number(r.CodeBericht, 3)} v{Decode.Number(r.Versienummer, 2)}.{Decode.Number(r.Subversienummer, 2)} {Decode.Text(record.Field(V.SoortBericht))}  uzovi {Decode.Number(r.UzoviNummer, 4)}  agb {Decode.Number(r.Instellingscode, 8)}  betaling-aan {Decode.Number(r.BetalingAan, 2)}  periode {Decode.Date(record.Field(V.BegindatumDeclaratieperiode))}..{Decode.Date(record.Field(V.EinddatumDeclaratieperiode))}  factuur {Decode.Text(r.Factuurnummer)}  dagtekening {Decode.Date(record.Field(V.DagtekeningFactuur))}  {Decode.Text(r.Valutacode)}");
        if (answers)
        {
            line.Append(CultureInfo.InvariantCulture,
                $"  | retour {Decode.Date(record.Field(Aw320Layout.Voorloop.DagtekeningRetourbericht))} ref {Decode.Text(record.Field(Aw320Layout.Voorloop.ReferentienummerZorgverzekeraar))}: {Decode.Codes(r.Retourcodes)}");
        }
    }

    private static void Verzekerde(StringBuilder line, VerzekerdeRecord r, bool answers)
    {
        var bsn = r.Record.Field(Z.Bsn);
        line.Append(CultureInfo.InvariantCulture,
            $"id {Decode.Number(r.IdentificatieDetailrecord, 1)}  bsn {Decode.MaskedBsn(bsn)} (elfproef {(Decode.PassesElfproef(bsn) ? "ok" : "fails")})  uzovi {Decode.Number(r.UzoviNummer, 4)}  geslacht {Decode.Number(r.CodeGeslacht, 1)}");
        if (answers)
        {
            line.Append("  | ").Append(Decode.Codes(r.Retourcodes));
        }
    }

    private static void Prestatie(StringBuilder line, PrestatieRecord r, bool answers)
    {
        var record = r.Record;
        line.Append(CultureInfo.InvariantCulture,
            $"id {Decode.Number(r.IdentificatieDetailrecord, 1)}  {Decode.Text(r.Prestatiecode),-5}  {Decode.Date(record.Field(P.BegindatumPrestatie))}..{Decode.Date(record.Field(P.EinddatumPrestatie))}  {Decode.Number(r.Aantal, 1)} x {Decode.Euros(r.Tarief)} per {Decode.Unit(r.Tijdseenheid)}  zzp {Decode.Number(r.Zorgzwaartepakketcode, 3)} functie {Decode.Number(r.Functiecode, 2)}  = {Decode.Money(r.Declaratiebedrag, r.IndicatieDebetCredit02)}  ref {Decode.Text(r.Referentienummer)}");
        var previous = Decode.Text(r.ReferentienummerVoorgaand);
        if (previous.Length > 0)
        {
            line.Append("  credits ").Append(previous);
        }

        if (answers)
        {
            line.Append(CultureInfo.InvariantCulture,
                $"  | berekend {Decode.Money(r.BerekendBedragZorgverzekeraar, record.Field(Aw320Layout.Prestatie.IndicatieDebetCredit03) is [var b] ? b : (byte)0)} toegekend {Decode.Money(r.ToegekendBedrag, r.IndicatieDebetCredit04)}: {Decode.Codes(r.Retourcodes)}");
        }
    }

    private void Commentaar(StringBuilder line, CommentaarRecord r, bool answers)
    {
        line.Append(CultureInfo.InvariantCulture, $"id {Decode.Number(r.IdentificatieDetailrecord, 1)}  regel {Decode.Number(r.Regelnummer, 1)}  ");
        var text = r.VrijeTekst.TrimEnd((byte)' ');
        if (showText)
        {
            line.Append('"').Append(Decode.Text(text)).Append('"');
        }
        else
        {
            line.Append(CultureInfo.InvariantCulture, $"({text.Length} characters of free text; --show-text shows them)");
        }

        if (answers)
        {
            line.Append("  | ").Append(Decode.Codes(r.Retourcodes));
        }
    }

    private static void Sluit(StringBuilder line, SluitRecord r, bool answers)
    {
        line.Append(CultureInfo.InvariantCulture,
            $"clients {Decode.Number(r.AantalVerzekerdenrecords, 1)}  debiteur {Decode.Number(r.AantalDebiteurrecords, 1)}  lines {Decode.Number(r.AantalPrestatierecords, 1)}  comments {Decode.Number(r.AantalCommentaarrecords, 1)}  detail {Decode.Number(r.TotaalAantalDetailrecords, 1)}  total {Decode.Money(r.TotaalDeclaratiebedrag, r.IndicatieDebetCredit)}");
        if (answers)
        {
            line.Append(CultureInfo.InvariantCulture,
                $"  | toegekend {Decode.Money(r.TotaalToegekend, r.Record.Field(Aw320Layout.Sluit.IndicatieDebetCredit02) is [var b] ? b : (byte)0)}");
        }
    }
}
