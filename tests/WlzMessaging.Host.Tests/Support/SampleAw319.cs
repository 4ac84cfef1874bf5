using System.Globalization;
using System.Text;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using S = WlzMessaging.Vektis.Aw319Layout.Sluit;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Host.Tests.Support;

/// <summary>
/// The AW319 files of testdata/inbox-sample, made field by field: declarations that every check of the domain notes
/// approves under testdata/reference (provider, MAZ, koppeltabel with its ZZP and functie codes, unit, agreement, tariff in
/// force on 2025-02-10, meerzorg beschikking), so the README's main job answers every line with 8001 with the adjudicator
/// as with the codec's stand-in. A test holds the shipped files to this builder (WLZ_WRITE_SAMPLES=1 rewrites them).
/// </summary>
internal static class SampleAw319
{
    public const int Uzovi = 5509;
    public static readonly DateOnly Received = new(2025, 2, 10);

    // Records of a valid AW319 (the codec's golden files), whose fields are set below: everything not set is as here.
    private const string VoorloopTemplate = "011870104P000000          550900000000000000000000000041234567042025010120250131F2025-0001  20250205              EUR";
    private const string VerzekerdeTemplate = "020000000000019999900195509VZ999990019               1940031521TESTPERSOON                        0                                   A     11234AB         00012      NL           20001CIZ999990019";
    private const string PrestatieTemplate = "040000000000029999900195509VZ999990019                   10001CIZ999990019        000000000000000000000002025010120250131055Z015 003114412345670000000000000000000000001634200506602D000000506602DWLZ-A-2501-01";

    /// <summary>One 04; a credit line (<paramref name="Credit"/>) reverses the line whose 0431 is <paramref name="Voorgaand"/>.</summary>
    public sealed record Line(
        string Code, int Zzp, int Functie, DateOnly Begin, DateOnly End, int Aantal, int Tijdseenheid, long Tarief, string Reference,
        bool Credit = false, string Voorgaand = "");

    public sealed record Client(int Bsn, DateOnly BirthDate, int Gender, IReadOnlyList<Line> Lines);

    public sealed record Declaration(string FileName, int Agb, string Factuurnummer, DateOnly PeriodBegin, DateOnly PeriodEnd, DateOnly InvoiceDate, IReadOnlyList<Client> Clients);

    /// <summary>The shipped samples: De Linde and Het Baken, January 2025, received 10 February 2025.</summary>
    public static IReadOnlyList<Declaration> Files { get; } =
    [
        new("de-linde-2025-01.aw319", 73730001, "DL2025-0001", new(2025, 1, 1), new(2025, 1, 31), new(2025, 2, 5),
        [
            // MAZ open since 2023-05-01; ZZP 1VV at the 2025 tariff in force before the change of 2025-03-01, and meerzorg
            // under the beschikking of 2025-01-01..06-30 at its tariff.
            new(999990019, new(1940, 3, 15), 2,
            [
                new("Z015", 1, 0, new(2025, 1, 1), new(2025, 1, 31), 31, 14, 14730, "DL-2501-0001"),
                new("ZMZ01", 1, 0, new(2025, 1, 1), new(2025, 1, 31), 31, 14, 9850, "DL-2501-0002"),
            ]),
        ]),
        new("het-baken-2025-01.aw319", 73730002, "HB2025-0001", new(2025, 1, 1), new(2025, 1, 31), new(2025, 2, 4),
        [
            // MAZ open since 2024-06-01: ZZP 2VV for the month, and persoonlijke verzorging in minutes (functie 02).
            new(999990032, new(1935, 7, 1), 1,
            [
                new("Z025", 2, 0, new(2025, 1, 1), new(2025, 1, 31), 31, 14, 16410, "HB-2501-0001"),
                new("H126", 0, 2, new(2025, 1, 6), new(2025, 1, 6), 90, 1, 105, "HB-2501-0002"),
                new("H126", 0, 2, new(2025, 1, 20), new(2025, 1, 20), 75, 1, 105, "HB-2501-0003"),
            ]),
        ]),
    ];

    public static string Directory => RepositoryRoot.Combine("testdata", "inbox-sample");

    /// <summary>The bytes of one sample file.</summary>
    public static byte[] Build(Declaration declaration)
    {
        var text = new StringBuilder();
        var voorloop = Record(VoorloopTemplate);
        Set(voorloop, V.UzoviNummer, Uzovi);
        Set(voorloop, V.Instellingscode, declaration.Agb);
        Set(voorloop, V.BegindatumDeclaratieperiode, declaration.PeriodBegin);
        Set(voorloop, V.EinddatumDeclaratieperiode, declaration.PeriodEnd);
        SetText(voorloop, V.Factuurnummer, declaration.Factuurnummer);
        Set(voorloop, V.DagtekeningFactuur, declaration.InvoiceDate);
        Append(text, voorloop);

        long id = 0, lines = 0, total = 0;
        foreach (var client in declaration.Clients)
        {
            var verzekerde = Record(VerzekerdeTemplate);
            Set(verzekerde, Z.IdentificatieDetailrecord, ++id);
            Set(verzekerde, Z.Bsn, client.Bsn);
            Set(verzekerde, Z.UzoviNummer, Uzovi);
            SetText(verzekerde, Z.Verzekerdennummer, $"VZ{client.Bsn}");
            Set(verzekerde, Z.DatumGeboorte, client.BirthDate);
            Set(verzekerde, Z.CodeGeslacht, client.Gender);
            SetText(verzekerde, Z.ClientnummerIndicatieorgaan, $"CIZ{client.Bsn}");
            Append(text, verzekerde);

            foreach (var line in client.Lines)
            {
                var amount = line.Aantal * line.Tarief;
                var prestatie = Record(PrestatieTemplate);
                Set(prestatie, P.IdentificatieDetailrecord, ++id);
                Set(prestatie, P.Bsn, client.Bsn);
                Set(prestatie, P.UzoviNummer, Uzovi);
                SetText(prestatie, P.Verzekerdennummer, $"VZ{client.Bsn}");
                SetText(prestatie, P.ClientnummerIndicatieorgaan, $"CIZ{client.Bsn}");
                Set(prestatie, P.Functiecode, line.Functie);
                Set(prestatie, P.Zorgzwaartepakketcode, line.Zzp);
                Set(prestatie, P.BegindatumPrestatie, line.Begin);
                Set(prestatie, P.EinddatumPrestatie, line.End);
                Set(prestatie, P.AanduidingPrestatiecodelijst, 55);
                SetText(prestatie, P.Prestatiecode, line.Code);
                Set(prestatie, P.Aantal, line.Aantal);
                Set(prestatie, P.Tijdseenheid, line.Tijdseenheid);
                Set(prestatie, P.ZorgverlenerscodeBehandelaar, declaration.Agb);
                Set(prestatie, P.Tarief, line.Tarief);
                Set(prestatie, P.BerekendBedrag, amount);
                Set(prestatie, P.Declaratiebedrag, amount);
                SetText(prestatie, P.Referentienummer, line.Reference);
                SetText(prestatie, P.ReferentienummerVoorgaand, line.Voorgaand);
                SetText(prestatie, P.IndicatieDebetCredit01, line.Credit ? "C" : "D");
                SetText(prestatie, P.IndicatieDebetCredit02, line.Credit ? "C" : "D");
                Append(text, prestatie);
                lines++;
                total += line.Credit ? -amount : amount;
            }
        }

        var sluit = Record("99");
        Set(sluit, S.AantalVerzekerdenrecords, declaration.Clients.Count);
        Set(sluit, S.AantalDebiteurrecords, 0);
        Set(sluit, S.AantalPrestatierecords, lines);
        Set(sluit, S.AantalCommentaarrecords, 0);
        Set(sluit, S.TotaalAantalDetailrecords, id);
        Set(sluit, S.TotaalDeclaratiebedrag, Math.Abs(total));
        SetText(sluit, S.IndicatieDebetCredit, total < 0 ? "C" : "D");
        Append(text, sluit);
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// <summary>Net total declared of a sample, in cents.</summary>
    public static long Total(Declaration declaration) =>
        declaration.Clients.SelectMany(c => c.Lines).Sum(l => (l.Credit ? -1L : 1L) * l.Aantal * l.Tarief);

    private static char[] Record(string template) => template.PadRight(Aw319Layout.RecordLength).ToCharArray();

    private static void Append(StringBuilder text, char[] record) => text.Append(record).Append("\r\n");

    private static void Set(char[] record, FieldSpec field, long value) =>
        value.ToString(new string('0', field.Length), CultureInfo.InvariantCulture).CopyTo(0, record, field.Offset, field.Length);

    private static void Set(char[] record, FieldSpec field, DateOnly value) =>
        Set(record, field, (long)value.Year * 10000 + value.Month * 100 + value.Day);

    private static void SetText(char[] record, FieldSpec field, string value) =>
        value.PadRight(field.Length).CopyTo(0, record, field.Offset, field.Length);
}
