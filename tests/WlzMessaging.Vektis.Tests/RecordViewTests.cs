using WlzMessaging.Vektis.Tests.Support;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Vektis.Tests;

/// <summary>
/// The typed views over a record: numbers, dates as DateOnly, amounts in cents with their D/C sign, AN fields as byte
/// spans, text only when asked for; and never an exception, whatever the bytes.
/// </summary>
public sealed class RecordViewTests
{
    private static readonly Aw319File s_file = Aw319FileBuilder.Standard();

    private static VektisRecord View(TestRecord record) =>
        new(record.Bytes, record.Type, 1, default, record.Bytes.Length == Aw319Layout.RecordLength);

    [Fact]
    public void The_voorlooprecord_view_reads_its_codes_dates_and_spans()
    {
        var view = View(s_file.Voorloop).AsVoorloop();

        Assert.Equal(187, view.CodeBericht);
        Assert.Equal(1, view.Versienummer);
        Assert.Equal(4, view.Subversienummer);
        Assert.Equal((byte)'P', view.SoortBericht);
        Assert.False(view.IsTest);
        Assert.Equal(5509, view.UzoviNummer);
        Assert.Equal(41_234_567, view.Instellingscode);
        Assert.Equal(4, view.BetalingAan);
        Assert.Equal(new DateOnly(2025, 1, 1), view.BegindatumDeclaratieperiode);
        Assert.Equal(new DateOnly(2025, 1, 31), view.EinddatumDeclaratieperiode);
        Assert.Equal(new DateOnly(2025, 2, 5), view.DagtekeningFactuur);
        Assert.True(view.Factuurnummer.SequenceEqual("F2025-0001  "u8));
        Assert.True(view.Valutacode.SequenceEqual("EUR"u8));
        Assert.Null(view.DagtekeningRetourbericht);
        Assert.True(view.Retourcodes.IsEmpty);
    }

    [Fact]
    public void The_verzekerdenrecord_view_reads_the_client_and_gives_text_only_on_request()
    {
        var record = View(s_file[1]);
        var view = record.AsVerzekerde();

        Assert.Equal(1, view.IdentificatieDetailrecord);
        Assert.Equal(999_990_019, view.Bsn);
        Assert.Equal(5509, view.UzoviNummer);
        Assert.Equal(new DateOnly(1940, 3, 15), view.DatumGeboorte);
        Assert.Equal(2, view.CodeGeslacht);
        Assert.True(record.Field(Z.Naam01).StartsWith("TESTPERSOON "u8));
        Assert.Equal("TESTPERSOON", record.Text(Z.Naam01));
        Assert.Equal("", record.Text(Z.Voorvoegsel01));
    }

    [Fact]
    public void The_prestatierecord_view_reads_a_debit_line_in_cents()
    {
        var view = View(s_file[3]).AsPrestatie();

        Assert.Equal(2, view.IdentificatieDetailrecord);
        Assert.Equal(999_990_019, view.Bsn);
        Assert.Equal(5509, view.UzoviNummer);
        Assert.Equal(0, view.Functiecode);
        Assert.Equal(0, view.Zorgzwaartepakketcode);
        Assert.Equal(new DateOnly(2025, 1, 1), view.BegindatumPrestatie);
        Assert.Equal(new DateOnly(2025, 1, 31), view.EinddatumPrestatie);
        Assert.Equal(55, view.AanduidingPrestatiecodelijst);
        Assert.True(view.Prestatiecode.SequenceEqual("Z015 "u8));
        Assert.Equal(31, view.Aantal);
        Assert.Equal(14, view.Tijdseenheid);
        Assert.Equal(41_234_567, view.ZorgverlenerscodeBehandelaar);
        Assert.Equal(16_342, view.Tarief);
        Assert.Equal(506_602, view.BerekendBedrag);
        Assert.Equal((byte)'D', view.IndicatieDebetCredit01);
        Assert.Equal(506_602, view.Declaratiebedrag);
        Assert.Equal((byte)'D', view.IndicatieDebetCredit02);
        Assert.Equal(506_602, view.DeclaratiebedragSigned);
        Assert.False(view.IsCredit);
        Assert.Equal("REF-A-0001", View(s_file[3]).Text(P.Referentienummer));
        Assert.Equal(20, view.ReferentienummerVoorgaand.Length);
        Assert.False(view.ReferentienummerVoorgaand.ContainsAnyExcept((byte)' '));
    }

    [Fact]
    public void A_credit_line_has_a_negative_signed_amount_and_names_the_line_it_reverses()
    {
        var record = View(s_file[8]);
        var view = record.AsPrestatie();

        Assert.True(view.IsCredit);
        Assert.Equal(373_550, view.Declaratiebedrag);
        Assert.Equal(-373_550, view.DeclaratiebedragSigned);
        Assert.Equal("REF-B-2412", record.Text(P.ReferentienummerVoorgaand));
    }

    [Fact]
    public void The_commentaarrecord_view_reads_its_parent_id_line_number_and_text()
    {
        var record = View(s_file[4]);
        var view = record.AsCommentaar();

        Assert.Equal(2, view.IdentificatieDetailrecord);
        Assert.Equal(1, view.Regelnummer);
        Assert.Equal(140, view.VrijeTekst.Length);
        Assert.Equal("Opname hele maand", record.Text(Aw319Layout.Commentaar.VrijeTekst));
    }

    [Fact]
    public void The_sluitrecord_view_reads_the_counts_and_the_signed_total()
    {
        var view = View(s_file.Sluit).AsSluit();

        Assert.Equal(2, view.AantalVerzekerdenrecords);
        Assert.Equal(0, view.AantalDebiteurrecords);
        Assert.Equal(4, view.AantalPrestatierecords);
        Assert.Equal(2, view.AantalCommentaarrecords);
        Assert.Equal(8, view.TotaalAantalDetailrecords);
        Assert.Equal(516_952, view.TotaalDeclaratiebedrag);
        Assert.Equal((byte)'D', view.IndicatieDebetCredit);
        Assert.Equal(516_952, view.TotaalDeclaratiebedragSigned);
    }

    [Fact]
    public void A_field_that_is_not_digits_reads_as_minus_one_and_a_date_that_does_not_exist_as_null()
    {
        var record = s_file[3].Clone().Raw(P.Aantal, "3 1 ").Raw(P.BegindatumPrestatie, "20250230").Raw(P.EinddatumPrestatie, "00000000");
        var view = View(record).AsPrestatie();

        Assert.Equal(-1, view.Aantal);
        Assert.Null(view.BegindatumPrestatie);
        Assert.Null(view.EinddatumPrestatie);
    }

    [Fact]
    public void Text_is_read_as_ISO_8859_1()
    {
        var record = s_file[1].Clone();
        record.Bytes[Z.Naam01.Offset] = 0xC9; // É
        record.Bytes[Z.Naam01.Offset + 1] = 0xEF; // ï

        Assert.StartsWith("Éï", View(record).Text(Z.Naam01), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(309)]
    [InlineData(311)]
    [InlineData(330)]
    [InlineData(345)]
    [InlineData(350)]
    [InlineData(369)]
    public void Every_view_reads_a_record_of_any_length_without_throwing(int length)
    {
        foreach (var source in s_file.Records)
        {
            var bytes = source.Bytes.Concat(Enumerable.Repeat((byte)'9', 60)).Take(length).ToArray();
            var record = new VektisRecord(bytes, source.Type, 1, default, hasValidLength: false);

            var v = record.AsVoorloop();
            _ = (v.CodeBericht, v.Versienummer, v.Subversienummer, v.SoortBericht, v.UzoviNummer, v.Instellingscode, v.BetalingAan,
                v.BegindatumDeclaratieperiode, v.EinddatumDeclaratieperiode, v.Factuurnummer.Length, v.DagtekeningFactuur,
                v.Valutacode.Length, v.DagtekeningRetourbericht, v.Retourcodes);
            var z = record.AsVerzekerde();
            _ = (z.IdentificatieDetailrecord, z.Bsn, z.UzoviNummer, z.DatumGeboorte, z.CodeGeslacht, z.Retourcodes);
            var p = record.AsPrestatie();
            _ = (p.IdentificatieDetailrecord, p.Bsn, p.UzoviNummer, p.Functiecode, p.Zorgzwaartepakketcode, p.BegindatumPrestatie,
                p.EinddatumPrestatie, p.AanduidingPrestatiecodelijst, p.Prestatiecode.Length, p.Aantal, p.Tijdseenheid,
                p.ZorgverlenerscodeBehandelaar, p.Tarief, p.BerekendBedrag, p.IndicatieDebetCredit01, p.Declaratiebedrag,
                p.IndicatieDebetCredit02, p.DeclaratiebedragSigned, p.IsCredit, p.Referentienummer.Length,
                p.ReferentienummerVoorgaand.Length, p.BerekendBedragZorgverzekeraar, p.ToegekendBedrag, p.IndicatieDebetCredit04,
                p.ToegekendBedragSigned, p.Retourcodes);
            var k = record.AsCommentaar();
            _ = (k.IdentificatieDetailrecord, k.Regelnummer, k.VrijeTekst.Length, k.Retourcodes);
            var s = record.AsSluit();
            _ = (s.AantalVerzekerdenrecords, s.AantalDebiteurrecords, s.AantalPrestatierecords, s.AantalCommentaarrecords,
                s.TotaalAantalDetailrecords, s.TotaalDeclaratiebedrag, s.IndicatieDebetCredit, s.TotaalDeclaratiebedragSigned,
                s.TotaalToegekend, s.TotaalToegekendSigned);
            _ = record.Text(V.Reserve);
        }
    }

    [Fact]
    public void A_field_beyond_the_end_of_a_short_record_is_empty()
    {
        var record = new VektisRecord(s_file[3].Bytes.AsSpan(0, 100), RecordType.Prestatie, 1, default, false);

        Assert.True(record.Field(P.Declaratiebedrag).IsEmpty);
        Assert.Equal(-1, record.Number(P.Declaratiebedrag));
        Assert.Null(record.Date(P.EinddatumPrestatie));
        Assert.Equal("", record.Text(P.Referentienummer));
    }

    [Theory]
    [InlineData("0101", RecordType.Voorloop)]
    [InlineData("0212", RecordType.Verzekerde)]
    [InlineData("03", RecordType.Debiteur)]
    [InlineData("04", RecordType.Prestatie)]
    [InlineData("98", RecordType.Commentaar)]
    [InlineData("99", RecordType.Sluit)]
    [InlineData("05", RecordType.Unknown)]
    [InlineData("00", RecordType.Unknown)]
    [InlineData(" 1", RecordType.Unknown)]
    [InlineData("0", RecordType.Unknown)]
    [InlineData("", RecordType.Unknown)]
    public void The_record_type_is_read_from_the_first_two_positions(string start, RecordType expected) =>
        Assert.Equal(expected, VektisRecord.TypeOf(System.Text.Encoding.ASCII.GetBytes(start)));
}
