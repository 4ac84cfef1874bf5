using V = WlzMessaging.Vektis.Aw319Layout.Voorloop;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using K = WlzMessaging.Vektis.Aw319Layout.Commentaar;
using S = WlzMessaging.Vektis.Aw319Layout.Sluit;
using WlzMessaging.Vektis;

namespace WlzMessaging.Adjudication.Tests.Support;

/// <summary>
/// Builds AW319 files as a provider's software would: a voorlooprecord of De Linde (73730001) for January 2025, clients
/// with their lines and comments, running detail ids and a sluitrecord whose counts and net total match, so that the
/// reader finds nothing and only the rule under test speaks. Lines get the ZZP code, functiecode and unit their
/// prestatiecode needs in testdata/rules/reference; a test breaks one thing on purpose.
/// </summary>
internal sealed class Aw319Builder
{
    public const int Uzovi = 5509;
    public const int Instellingscode = 73730001;
    public static readonly DateOnly Received = new(2025, 2, 10);
    public static readonly DateOnly January1 = new(2025, 1, 1);
    public static readonly DateOnly January31 = new(2025, 1, 31);

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
    private int _nextReferentie = 1;

    public Aw319Builder()
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
            .Set(V.BetalingAan, 3)
            .Set(V.BegindatumDeclaratieperiode, January1)
            .Set(V.EinddatumDeclaratieperiode, January31)
            .Set(V.Factuurnummer, "F2025-0001")
            .Set(V.DagtekeningFactuur, new DateOnly(2025, 2, 5))
            .Set(V.Valutacode, "EUR");
    }

    /// <summary>Sets 0117 DAGTEKENING FACTUUR (by default 5 February 2025, before <see cref="Received"/>).</summary>
    public Aw319Builder Invoiced(DateOnly dagtekening) => Voorloop(v => v.Set(V.DagtekeningFactuur, dagtekening));

    public Aw319Builder Voorloop(Action<TestRecord> edit)
    {
        edit(_voorloop);
        return this;
    }

    public Aw319Builder Client(string bsn, Action<TestRecord>? edit = null)
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

    /// <summary>
    /// A line of <paramref name="aantal"/> × <paramref name="tarief"/> (0426 = 0429 = the product). Without a
    /// <paramref name="referentie"/> the builder numbers the lines REF-0001, REF-0002, ….
    /// </summary>
    public Aw319Builder Line(
        string prestatiecode,
        DateOnly begin,
        DateOnly end,
        int aantal,
        long tarief,
        string? referentie = null,
        bool credit = false,
        string? voorgaand = null,
        Action<TestRecord>? edit = null)
    {
        var client = _client ?? throw new InvalidOperationException("a line needs a client above it");
        var id = _nextId++;
        _parentId = id;
        _commentLine = 0;
        _lines++;
        referentie ??= $"REF-{_nextReferentie++:D4}";
        var amount = aantal * tarief;
        var dc = credit ? "C" : "D";
        var (zzp, functie, eenheid) = Typical(prestatiecode);
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
            .Set(P.Functiecode, functie)
            .Set(P.Zorgzwaartepakketcode, zzp)
            .Set(P.BegindatumPrestatie, begin)
            .Set(P.EinddatumPrestatie, end)
            .Set(P.AanduidingPrestatiecodelijst, 55)
            .Set(P.Prestatiecode, prestatiecode)
            .Set(P.Aantal, aantal)
            .Set(P.Tijdseenheid, eenheid)
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

    /// <summary>A Z015 line (ZZP 1VV) over January 2025 at the contracted tariff: approved for client A.</summary>
    public Aw319Builder Z015(string? referentie = null, bool credit = false, string? voorgaand = null, Action<TestRecord>? edit = null) =>
        Line("Z015", January1, January31, 31, 14730, referentie, credit, voorgaand, edit);

    /// <summary>A 98 on the 02 or 04 just added: it repeats that record's id and numbers its own lines of text from 1.</summary>
    public Aw319Builder Comment(string text)
    {
        _comments++;
        var comment = new TestRecord(RecordType.Commentaar)
            .Set(K.IdentificatieDetailrecord, _parentId)
            .Set(K.Regelnummer, ++_commentLine)
            .Set(K.VrijeTekst, text);
        _details.Add(comment);
        return this;
    }

    public Aw319File Build()
    {
        _net = 0;
        foreach (var line in _details.Where(d => d.Get(P.KenmerkRecord) == "04"))
        {
            var amount = long.TryParse(line.Get(P.Declaratiebedrag), out var a) ? a : 0;
            _net += line.Get(P.IndicatieDebetCredit02) == "C" ? -amount : amount;
        }

        var sluit = new TestRecord(RecordType.Sluit)
            .Set(S.AantalVerzekerdenrecords, _clients)
            .Set(S.AantalDebiteurrecords, 0)
            .Set(S.AantalPrestatierecords, _lines)
            .Set(S.AantalCommentaarrecords, _comments)
            .Set(S.TotaalAantalDetailrecords, _clients + _lines + _comments)
            .Set(S.TotaalDeclaratiebedrag, Math.Abs(_net))
            .Set(S.IndicatieDebetCredit, _net < 0 ? "C" : "D");
        return new Aw319File([_voorloop.Clone(), .. _details.Select(d => d.Clone()), sluit]);
    }

    /// <summary>The ZZP code, functiecode and 0419 unit a prestatie of testdata/rules/reference is declared with.</summary>
    private static (int Zzp, int Functie, int Eenheid) Typical(string prestatiecode) => prestatiecode switch
    {
        "Z015" or "V015" or "ZMZ01" => (1, 0, 14),
        "Z025" => (2, 0, 14),
        "H126" => (0, 2, 1),
        "F125" => (0, 5, 4),
        _ => (0, 0, 14),
    };
}
