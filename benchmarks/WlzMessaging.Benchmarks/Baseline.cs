using System.Globalization;
using System.Text;

// The baseline is the naive way on purpose: a string per field.
#pragma warning disable CA1846 // Prefer 'AsSpan' over 'Substring'

namespace WlzMessaging.Benchmarks;

/// <summary>
/// The way public Vektis parsers read a file: <see cref="StreamReader.ReadLine"/>, a <see cref="string.Substring(int, int)"/>
/// per field, <see cref="int.Parse(string, IFormatProvider)"/>/<see cref="long.Parse(string, IFormatProvider)"/> for numbers,
/// <see cref="DateOnly.ParseExact(string, string, IFormatProvider)"/> for dates, and an object per record with every field
/// of the record mapped (reserves left out). It keeps no list of records (that would only make it slower and bigger) and
/// checks nothing beyond what the parse calls check: it does less than <c>VektisReader</c>, which also validates the
/// structure. Offsets are 0-based (the spec's position minus one), hard-coded as such parsers have them.
/// </summary>
public static class Baseline
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public static void Read(Stream input, Totals totals)
    {
        using var reader = new StreamReader(input, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            totals.Records++;
            switch (line.Substring(0, 2))
            {
                case "01":
                    var voorloop = new Voorloop
                    {
                        KenmerkRecord = int.Parse(line.Substring(0, 2), s_inv),
                        CodeBericht = int.Parse(line.Substring(2, 3), s_inv),
                        Versie = int.Parse(line.Substring(5, 2), s_inv),
                        Subversie = int.Parse(line.Substring(7, 2), s_inv),
                        SoortBericht = line.Substring(9, 1),
                        CodeSoftwareleverancier = int.Parse(line.Substring(10, 6), s_inv),
                        VersieSoftware = line.Substring(16, 10).Trim(),
                        Uzovi = int.Parse(line.Substring(26, 4), s_inv),
                        CodeServicebureau = int.Parse(line.Substring(30, 8), s_inv),
                        Zorgverlenerscode = int.Parse(line.Substring(38, 8), s_inv),
                        Praktijkcode = int.Parse(line.Substring(46, 8), s_inv),
                        Instellingscode = int.Parse(line.Substring(54, 8), s_inv),
                        BetalingAan = int.Parse(line.Substring(62, 2), s_inv),
                        Begindatum = Date(line.Substring(64, 8)),
                        Einddatum = Date(line.Substring(72, 8)),
                        Factuurnummer = line.Substring(80, 12).Trim(),
                        Dagtekening = Date(line.Substring(92, 8)),
                        BtwIdentificatienummer = line.Substring(100, 14).Trim(),
                        Valuta = line.Substring(114, 3),
                    };
                    totals.DaySum += voorloop.Begindatum.DayNumber;
                    break;
                case "02":
                    var client = new Verzekerde
                    {
                        KenmerkRecord = int.Parse(line.Substring(0, 2), s_inv),
                        Id = long.Parse(line.Substring(2, 12), s_inv),
                        Bsn = int.Parse(line.Substring(14, 9), s_inv),
                        Uzovi = int.Parse(line.Substring(23, 4), s_inv),
                        Verzekerdennummer = line.Substring(27, 15).Trim(),
                        Patientnummer = line.Substring(42, 11).Trim(),
                        DatumGeboorte = Date(line.Substring(53, 8)),
                        Geslacht = int.Parse(line.Substring(61, 1), s_inv),
                        Naamcode01 = int.Parse(line.Substring(62, 1), s_inv),
                        Naam01 = line.Substring(63, 25).Trim(),
                        Voorvoegsel01 = line.Substring(88, 10).Trim(),
                        Naamcode02 = int.Parse(line.Substring(98, 1), s_inv),
                        Naam02 = line.Substring(99, 25).Trim(),
                        Voorvoegsel02 = line.Substring(124, 10).Trim(),
                        Voorletters = line.Substring(134, 6).Trim(),
                        Naamcode03 = int.Parse(line.Substring(140, 1), s_inv),
                        Postcode = line.Substring(141, 6).Trim(),
                        PostcodeBuitenland = line.Substring(147, 9).Trim(),
                        Huisnummer = int.Parse(line.Substring(156, 5), s_inv),
                        Huisnummertoevoeging = line.Substring(161, 6).Trim(),
                        CodeLand = line.Substring(167, 2).Trim(),
                        Debiteurnummer = line.Substring(169, 11).Trim(),
                        Overleden = int.Parse(line.Substring(180, 1), s_inv),
                        CodeIndicatieorgaan = int.Parse(line.Substring(181, 4), s_inv),
                        ClientnummerIndicatieorgaan = line.Substring(185, 20).Trim(),
                    };
                    totals.Clients++;
                    totals.BsnXor ^= client.Bsn;
                    break;
                case "04":
                    var p = new Prestatie
                    {
                        KenmerkRecord = int.Parse(line.Substring(0, 2), s_inv),
                        Id = long.Parse(line.Substring(2, 12), s_inv),
                        Bsn = int.Parse(line.Substring(14, 9), s_inv),
                        Uzovi = int.Parse(line.Substring(23, 4), s_inv),
                        Verzekerdennummer = line.Substring(27, 15).Trim(),
                        Machtigingsnummer = line.Substring(42, 15).Trim(),
                        DoorsturenToegestaan = int.Parse(line.Substring(57, 1), s_inv),
                        CodeIndicatieorgaan = int.Parse(line.Substring(58, 4), s_inv),
                        ClientnummerIndicatieorgaan = line.Substring(62, 20).Trim(),
                        IndicatieAanvraagnummer = int.Parse(line.Substring(82, 9), s_inv),
                        Indicatiebesluitnummer = int.Parse(line.Substring(91, 9), s_inv),
                        Functiecode = int.Parse(line.Substring(100, 2), s_inv),
                        Zzp = int.Parse(line.Substring(102, 3), s_inv),
                        Begindatum = Date(line.Substring(105, 8)),
                        Einddatum = Date(line.Substring(113, 8)),
                        Prestatiecodelijst = int.Parse(line.Substring(121, 3), s_inv),
                        Prestatiecode = line.Substring(124, 5).Trim(),
                        Aantal = int.Parse(line.Substring(129, 4), s_inv),
                        Tijdseenheid = int.Parse(line.Substring(133, 2), s_inv),
                        Behandelaar = int.Parse(line.Substring(135, 8), s_inv),
                        SpecialismeBehandelaar = int.Parse(line.Substring(143, 4), s_inv),
                        Voorschrijver = int.Parse(line.Substring(147, 8), s_inv),
                        SpecialismeVoorschrijver = int.Parse(line.Substring(155, 4), s_inv),
                        Verrekenpercentage = int.Parse(line.Substring(159, 5), s_inv),
                        Tarief = long.Parse(line.Substring(164, 8), s_inv),
                        BerekendBedrag = long.Parse(line.Substring(172, 8), s_inv),
                        DebetCredit01 = line.Substring(180, 1),
                        BtwPercentage = int.Parse(line.Substring(181, 4), s_inv),
                        Declaratiebedrag = long.Parse(line.Substring(185, 8), s_inv),
                        DebetCredit02 = line.Substring(193, 1),
                        Referentienummer = line.Substring(194, 20).Trim(),
                        ReferentienummerVoorgaand = line.Substring(214, 20).Trim(),
                    };
                    totals.Lines++;
                    totals.NetCents += p.DebetCredit02 == "C" ? -p.Declaratiebedrag : p.Declaratiebedrag;
                    totals.AantalMaalTarief += p.Aantal * p.Tarief;
                    totals.BsnXor ^= p.Bsn;
                    totals.CodeSum += p.Prestatiecode.Length;
                    totals.DaySum += p.Begindatum.DayNumber;
                    break;
                case "99":
                    var sluit = new Sluit
                    {
                        KenmerkRecord = int.Parse(line.Substring(0, 2), s_inv),
                        Verzekerden = int.Parse(line.Substring(2, 6), s_inv),
                        Debiteuren = int.Parse(line.Substring(8, 6), s_inv),
                        Prestaties = int.Parse(line.Substring(14, 6), s_inv),
                        Commentaar = int.Parse(line.Substring(20, 6), s_inv),
                        Detailrecords = int.Parse(line.Substring(26, 7), s_inv),
                        Totaal = long.Parse(line.Substring(33, 11), s_inv),
                        DebetCredit = line.Substring(44, 1),
                    };
                    totals.Faulty += sluit.Prestaties == totals.Lines ? 0 : 1;
                    break;
            }
        }
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyyMMdd", s_inv);

    private sealed class Voorloop
    {
        public int KenmerkRecord { get; init; }
        public int CodeBericht { get; init; }
        public int Versie { get; init; }
        public int Subversie { get; init; }
        public string SoortBericht { get; init; } = "";
        public int CodeSoftwareleverancier { get; init; }
        public string VersieSoftware { get; init; } = "";
        public int Uzovi { get; init; }
        public int CodeServicebureau { get; init; }
        public int Zorgverlenerscode { get; init; }
        public int Praktijkcode { get; init; }
        public int Instellingscode { get; init; }
        public int BetalingAan { get; init; }
        public DateOnly Begindatum { get; init; }
        public DateOnly Einddatum { get; init; }
        public string Factuurnummer { get; init; } = "";
        public DateOnly Dagtekening { get; init; }
        public string BtwIdentificatienummer { get; init; } = "";
        public string Valuta { get; init; } = "";
    }

    private sealed class Verzekerde
    {
        public int KenmerkRecord { get; init; }
        public long Id { get; init; }
        public int Bsn { get; init; }
        public int Uzovi { get; init; }
        public string Verzekerdennummer { get; init; } = "";
        public string Patientnummer { get; init; } = "";
        public DateOnly DatumGeboorte { get; init; }
        public int Geslacht { get; init; }
        public int Naamcode01 { get; init; }
        public string Naam01 { get; init; } = "";
        public string Voorvoegsel01 { get; init; } = "";
        public int Naamcode02 { get; init; }
        public string Naam02 { get; init; } = "";
        public string Voorvoegsel02 { get; init; } = "";
        public string Voorletters { get; init; } = "";
        public int Naamcode03 { get; init; }
        public string Postcode { get; init; } = "";
        public string PostcodeBuitenland { get; init; } = "";
        public int Huisnummer { get; init; }
        public string Huisnummertoevoeging { get; init; } = "";
        public string CodeLand { get; init; } = "";
        public string Debiteurnummer { get; init; } = "";
        public int Overleden { get; init; }
        public int CodeIndicatieorgaan { get; init; }
        public string ClientnummerIndicatieorgaan { get; init; } = "";
    }

    private sealed class Prestatie
    {
        public int KenmerkRecord { get; init; }
        public long Id { get; init; }
        public int Bsn { get; init; }
        public int Uzovi { get; init; }
        public string Verzekerdennummer { get; init; } = "";
        public string Machtigingsnummer { get; init; } = "";
        public int DoorsturenToegestaan { get; init; }
        public int CodeIndicatieorgaan { get; init; }
        public string ClientnummerIndicatieorgaan { get; init; } = "";
        public int IndicatieAanvraagnummer { get; init; }
        public int Indicatiebesluitnummer { get; init; }
        public int Functiecode { get; init; }
        public int Zzp { get; init; }
        public DateOnly Begindatum { get; init; }
        public DateOnly Einddatum { get; init; }
        public int Prestatiecodelijst { get; init; }
        public string Prestatiecode { get; init; } = "";
        public int Aantal { get; init; }
        public int Tijdseenheid { get; init; }
        public int Behandelaar { get; init; }
        public int SpecialismeBehandelaar { get; init; }
        public int Voorschrijver { get; init; }
        public int SpecialismeVoorschrijver { get; init; }
        public int Verrekenpercentage { get; init; }
        public long Tarief { get; init; }
        public long BerekendBedrag { get; init; }
        public string DebetCredit01 { get; init; } = "";
        public int BtwPercentage { get; init; }
        public long Declaratiebedrag { get; init; }
        public string DebetCredit02 { get; init; } = "";
        public string Referentienummer { get; init; } = "";
        public string ReferentienummerVoorgaand { get; init; } = "";
    }

    private sealed class Sluit
    {
        public int KenmerkRecord { get; init; }
        public int Verzekerden { get; init; }
        public int Debiteuren { get; init; }
        public int Prestaties { get; init; }
        public int Commentaar { get; init; }
        public int Detailrecords { get; init; }
        public long Totaal { get; init; }
        public string DebetCredit { get; init; } = "";
    }
}
