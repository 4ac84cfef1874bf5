using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using K = WlzMessaging.Vektis.Aw319Layout.Commentaar;
using S = WlzMessaging.Vektis.Aw319Layout.Sluit;

namespace WlzMessaging.Vektis.Tests.Support;

/// <summary>
/// Builds valid AW319 files the way a provider's software would: a voorlooprecord, clients with their lines and comments,
/// running detail ids, and a sluitrecord whose counts and net total match. Tests then break one thing on purpose.
/// </summary>
internal sealed class Aw319FileBuilder
{
    public const int Uzovi = 5509;
    public const string Instellingscode = "41234567";
    public static readonly DateOnly Received = new(2025, 2, 10);

    /// <summary>The largest total the 11 positions of 9907 hold.</summary>
    public const long MaxTotal = 99_999_999_999;

    private readonly TestRecord _voorloop;
    private readonly List<TestRecord> _details = [];
    private long _nextId = 1;
    private long _parentId;
    private int _commentLine;
    private TestRecord? _client;
    private int _clients;
    private int _lines;
    private int _comments;
    private long _net;

    public Aw319FileBuilder()
    {
        _voorloop = new TestRecord(RecordType.Voorloop)
            .Set(V.CodeBericht, 187)
            .Set(V.Versienummer, 1)
            .Set(V.Subversienummer, 4)
            .Set(V.SoortBericht, "P")
            .Set(V.CodeSoftwareleverancier, 0)
            .Set(V.UzoviNummer, Uzovi)
            .Set(V.CodeServicebureau, 0)
            .Set(V.Zorgverlenerscode, 0)
            .Set(V.Praktijkcode, 0)
            .Set(V.Instellingscode, Instellingscode)
            .Set(V.BetalingAan, 4)
            .Set(V.BegindatumDeclaratieperiode, new DateOnly(2025, 1, 1))
            .Set(V.EinddatumDeclaratieperiode, new DateOnly(2025, 1, 31))
            .Set(V.Factuurnummer, "F2025-0001")
            .Set(V.DagtekeningFactuur, new DateOnly(2025, 2, 5))
            .Set(V.Valutacode, "EUR");
    }

    /// <summary>A small file that has every kind of record: two clients, comments under a 02 and a 04, a credit line.</summary>
    /// <remarks>
    /// Records: 0 01 · 1 02 (id 1) · 2 98 (id 1) · 3 04 (id 2) · 4 98 (id 2) · 5 04 (id 3) · 6 02 (id 4) · 7 04 (id 5) ·
    /// 8 04 credit (id 6) · 9 99.
    /// </remarks>
    public static Aw319File Standard() => new Aw319FileBuilder()
        .Client(Bsn.A)
        .Comment("Client verhuisd per 1 januari")
        .Line("Z015", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), 31, 16_342, "REF-A-0001")
        .Comment("Opname hele maand")
        .Line("H126", new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 6), 90, 115, "REF-A-0002", tijdseenheid: 1)
        .Client(Bsn.B)
        .Line("V015", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), 31, 12_050, "REF-B-0001")
        .Line("V015", new DateOnly(2024, 12, 1), new DateOnly(2024, 12, 31), 31, 12_050, "REF-B-0002", credit: true, voorgaand: "REF-B-2412")
        .Build();

    public Aw319FileBuilder Voorloop(Action<TestRecord> edit)
    {
        edit(_voorloop);
        return this;
    }

    public Aw319FileBuilder Client(string bsn, Action<TestRecord>? edit = null)
    {
        var id = _nextId++;
        _parentId = id;
        _commentLine = 0;
        _clients++;
        _client = new TestRecord(RecordType.Verzekerde)
            .Set(Z.IdentificatieDetailrecord, id)
            .Set(Z.Bsn, bsn)
            .Set(Z.UzoviNummer, Uzovi)
            .Set(Z.Verzekerdennummer, "VZ" + bsn)
            .Set(Z.DatumGeboorte, new DateOnly(1940, 3, 15))
            .Set(Z.CodeGeslacht, 2)
            .Set(Z.Naamcode01, 1)
            .Set(Z.Naam01, "TESTPERSOON")
            .Set(Z.Naamcode02, 0)
            .Set(Z.Voorletters, "A")
            .Set(Z.Naamcode03, 1)
            .Set(Z.Postcode, "1234AB")
            .Set(Z.Huisnummer, 12)
            .Set(Z.CodeLand, "NL")
            .Set(Z.IndicatieOverleden, 2)
            .Set(Z.CodeIndicatieorgaan, 1)
            .Set(Z.ClientnummerIndicatieorgaan, "CIZ" + bsn);
        edit?.Invoke(_client);
        _details.Add(_client);
        return this;
    }

    public Aw319FileBuilder Line(
        string prestatiecode, DateOnly begin, DateOnly end, int aantal, long tarief, string referentie,
        bool credit = false, string? voorgaand = null, int tijdseenheid = 14, Action<TestRecord>? edit = null)
    {
        var client = _client ?? throw new InvalidOperationException("a line needs a client above it");
        var id = _nextId++;
        _parentId = id;
        _commentLine = 0;
        _lines++;
        var amount = aantal * tarief;
        var dc = credit ? "C" : "D";
        _net += credit ? -amount : amount;
        var line = new TestRecord(RecordType.Prestatie)
            .Set(P.IdentificatieDetailrecord, id)
            .Set(P.Bsn, client.Get(Z.Bsn))
            .Set(P.UzoviNummer, client.Get(Z.UzoviNummer))
            .Set(P.Verzekerdennummer, client.Get(Z.Verzekerdennummer).TrimEnd())
            .Set(P.DoorsturenToegestaan, 1)
            .Set(P.CodeIndicatieorgaan, client.Get(Z.CodeIndicatieorgaan))
            .Set(P.ClientnummerIndicatieorgaan, client.Get(Z.ClientnummerIndicatieorgaan).TrimEnd())
            .Set(P.IndicatieAanvraagnummer, 0)
            .Set(P.Indicatiebesluitnummer, 0)
            .Set(P.Functiecode, 0)
            .Set(P.Zorgzwaartepakketcode, 0)
            .Set(P.BegindatumPrestatie, begin)
            .Set(P.EinddatumPrestatie, end)
            .Set(P.AanduidingPrestatiecodelijst, 55)
            .Set(P.Prestatiecode, prestatiecode)
            .Set(P.Aantal, aantal)
            .Set(P.Tijdseenheid, tijdseenheid)
            .Set(P.ZorgverlenerscodeBehandelaar, Instellingscode)
            .Set(P.SpecialismeBehandelaar, 0)
            .Set(P.ZorgverlenerscodeVoorschrijver, 0)
            .Set(P.SpecialismeVoorschrijver, 0)
            .Set(P.Verrekenpercentage, 0)
            .Set(P.Tarief, tarief)
            .Set(P.BerekendBedrag, amount)
            .Set(P.IndicatieDebetCredit01, dc)
            .Set(P.BtwPercentage, 0)
            .Set(P.Declaratiebedrag, amount)
            .Set(P.IndicatieDebetCredit02, dc)
            .Set(P.Referentienummer, referentie)
            .Set(P.ReferentienummerVoorgaand, voorgaand ?? "");
        edit?.Invoke(line);
        _details.Add(line);
        return this;
    }

    /// <summary>A 98 on the 02 or 04 just added: it repeats that record's id and numbers its own lines of text from 1.</summary>
    public Aw319FileBuilder Comment(string text, Action<TestRecord>? edit = null)
    {
        _comments++;
        var comment = new TestRecord(RecordType.Commentaar)
            .Set(K.IdentificatieDetailrecord, _parentId)
            .Set(K.Regelnummer, ++_commentLine)
            .Set(K.VrijeTekst, text);
        edit?.Invoke(comment);
        _details.Add(comment);
        return this;
    }

    public Aw319File Build()
    {
        var sluit = new TestRecord(RecordType.Sluit)
            .Set(S.AantalVerzekerdenrecords, _clients)
            .Set(S.AantalDebiteurrecords, 0)
            .Set(S.AantalPrestatierecords, _lines)
            .Set(S.AantalCommentaarrecords, _comments)
            .Set(S.TotaalAantalDetailrecords, _clients + _lines + _comments)
            .Set(S.TotaalDeclaratiebedrag, Math.Min(Math.Abs(_net), MaxTotal)) // a sender cannot write more; tests of that set it
            .Set(S.IndicatieDebetCredit, _net < 0 ? "C" : "D");
        return new Aw319File([_voorloop.Clone(), .. _details.Select(d => d.Clone()), sluit]);
    }
}
