using System.Collections.Frozen;

namespace WlzMessaging.Vektis;

/// <summary>
/// The retourcodes this product gives (a subset of Vektis COD954), with their meaning as a provider reads it.
/// specs/retourcodes.md is the contract; a test keeps this list and that table the same.
/// </summary>
public static class Retourcodes
{
    public static readonly Retourcode BerichtAfgekeurd = new(1);
    public static readonly Retourcode KenmerkRecordOnjuist = new(2);
    public static readonly Retourcode ReserveOnjuist = new(3);
    public static readonly Retourcode CodeBerichtOnjuist = new(10);
    public static readonly Retourcode VersienummerOnjuist = new(11);
    public static readonly Retourcode CodeServicebureauOnjuist = new(13);
    public static readonly Retourcode ZorgverlenerscodeOnjuist = new(14);
    public static readonly Retourcode PraktijkcodeOnjuist = new(16);
    public static readonly Retourcode InstellingscodeOnjuist = new(17);
    public static readonly Retourcode UzoviNummerOnjuist = new(18);
    public static readonly Retourcode BegindatumDeclaratieperiodeOnjuist = new(20);
    public static readonly Retourcode EinddatumDeclaratieperiodeOnjuist = new(21);
    public static readonly Retourcode DagtekeningFactuurOnjuist = new(25);
    public static readonly Retourcode FactuurnummerNietUniek = new(30);
    public static readonly Retourcode ValutacodeOnjuist = new(31);
    // The sluitrecord's codes as COD954-VEKT numbers them (not in field order): 0152, 0154 and 0155 do not exist there.
    public static readonly Retourcode TotaalDeclaratiebedragOnjuist = new(150);
    public static readonly Retourcode AantalVerzekerdenrecordsOnjuist = new(151);
    public static readonly Retourcode AantalCommentaarrecordsOnjuist = new(153);
    public static readonly Retourcode TotaalAantalDetailrecordsOnjuist = new(156);
    public static readonly Retourcode AantalDebiteurrecordsOnjuist = new(157);
    public static readonly Retourcode AantalPrestatierecordsOnjuist = new(158);
    public static readonly Retourcode GeenOpmerking = new(200);
    public static readonly Retourcode SluitrecordOntbreekt = new(208);
    public static readonly Retourcode DatumGeboorteOnjuist = new(350);
    public static readonly Retourcode GeslachtOnjuist = new(351);
    public static readonly Retourcode BsnOnjuist = new(435);
    public static readonly Retourcode PrestatiecodelijstOnjuist = new(581);
    public static readonly Retourcode PrestatiecodeOnjuist = new(582);
    public static readonly Retourcode TariefOnjuist = new(611);
    public static readonly Retourcode GeenMachtiging = new(551);
    public static readonly Retourcode BuitenGemachtigdePeriode = new(553);
    public static readonly Retourcode IndicatieDebetCreditOnjuist = new(631);
    public static readonly Retourcode IdentificatieDetailrecordOnjuist = new(801);
    public static readonly Retourcode LengteRecordOnjuist = new(804);
    public static readonly Retourcode FunctiecodeZzpOnjuist = new(1113);
    public static readonly Retourcode VolledigToegewezen = new(8001);
    public static readonly Retourcode NietBeoordeeld = new(8002);
    public static readonly Retourcode DatumPrestatieOnjuist = new(8007);
    public static readonly Retourcode ZorgverlenerscodeBehandelaarOnjuist = new(8011);
    public static readonly Retourcode ZorgverlenerscodeVoorschrijverOnjuist = new(8014);
    public static readonly Retourcode CrediteringZonderDebitering = new(8017);
    public static readonly Retourcode ReferentienummerNietUniek = new(8021);
    public static readonly Retourcode VolgordeRecordtypenOnjuist = new(8026);
    public static readonly Retourcode SubversieOnjuist = new(8027);
    public static readonly Retourcode SoortBerichtOnjuist = new(8028);
    public static readonly Retourcode BetalingAanOnjuist = new(8029);
    public static readonly Retourcode DebetEnCreditInZelfdeBestand = new(8062);
    public static readonly Retourcode ReedsEerderIngediend = new(8067);
    public static readonly Retourcode AlleRegelsAfgewezen = new(8073);
    public static readonly Retourcode DebiteurrecordNietToegestaan = new(8075);
    public static readonly Retourcode DebetAlGecrediteerd = new(8084);
    public static readonly Retourcode CrLfOnjuist = new(8095);
    public static readonly Retourcode BerichtVersieSubversieOnjuist = new(8165);
    public static readonly Retourcode PrestatiedatumNaFactuurdatum = new(8176);
    public static readonly Retourcode BegindatumNaFactuurdatum = new(8177);
    public static readonly Retourcode EinddatumNaFactuurdatum = new(8178);
    public static readonly Retourcode DoorsturenToegestaanOnjuist = new(8179);
    public static readonly Retourcode ReferentienummerNietUniekInBestand = new(8192);
    public static readonly Retourcode CreditZonderReferentie = new(8193);
    public static readonly Retourcode CodeIndicatieorgaanWijktAf = new(8195);
    public static readonly Retourcode ClientnummerIndicatieorgaanWijktAf = new(8196);
    public static readonly Retourcode VoorlooprecordMeerDanEens = new(8199);
    public static readonly Retourcode SluitrecordMeerDanEens = new(8200);
    public static readonly Retourcode BerekendBedragOnjuist = new(8215);
    public static readonly Retourcode OverlaptGoedgekeurdeDebetregel = new(8216);
    public static readonly Retourcode NietConformProductieafspraak = new(8226);
    public static readonly Retourcode BuitenMazMez = new(8287);
    public static readonly Retourcode DeclaratiejaarAfgesloten = new(8288);
    public static readonly Retourcode GeenMaz = new(8290);
    public static readonly Retourcode GeenMeerzorgbeschikking = new(8614);

    private static readonly FrozenDictionary<ushort, string> s_meanings = new Dictionary<ushort, string>
    {
        [1] = "Bericht afgekeurd om technische redenen",
        [2] = "Kenmerk record onjuist",
        [3] = "Reserve niet gevuld met spaties",
        [10] = "Code EI-bericht onjuist",
        [11] = "Versienummer onjuist",
        [13] = "Code servicebureau onjuist",
        [14] = "Zorgverlenerscode onjuist",
        [16] = "Praktijkcode onjuist",
        [17] = "Instellingscode onjuist",
        [18] = "UZOVI-nummer (voorlooprecord) onjuist",
        [20] = "Begindatum declaratieperiode onjuist",
        [21] = "Einddatum declaratieperiode onjuist",
        [25] = "Dagtekening factuur onjuist",
        [30] = "Factuurnummer niet uniek",
        [31] = "Valutacode onjuist",
        [150] = "Totaal declaratiebedrag onjuist",
        [151] = "Aantal verzekerdenrecords onjuist",
        [153] = "Aantal commentaarrecords onjuist",
        [156] = "Totaal aantal detailrecords onjuist",
        [157] = "Aantal debiteurrecords onjuist",
        [158] = "Aantal prestatierecords onjuist",
        [200] = "Geen opmerking bij dit record",
        [208] = "Sluitrecord ontbreekt",
        [350] = "Datum geboorte onjuist",
        [351] = "Geslacht onjuist",
        [435] = "BSN onjuist (elfproef)",
        [581] = "Aanduiding prestatiecodelijst onjuist",
        [551] = "Er is geen machtiging afgegeven",
        [553] = "Gedeclareerde prestatie valt buiten de gemachtigde periode",
        [582] = "Prestatiecode bestaat niet of is onjuist",
        [611] = "Tarief niet volgens landelijke of contractafspraak",
        [631] = "Indicatie debet/credit ontbreekt of is onjuist",
        [801] = "Identificatie detailrecord onjuist",
        [804] = "Lengte record is onjuist",
        [1113] = "Functiecode / zorgzwaartepakketcode ontbreekt of is onjuist (koppeltabel)",
        [8001] = "Declaratie(regel) is volledig toegewezen",
        [8002] = "Record niet beoordeeld: boven- of ondergeschikt record afgekeurd",
        [8007] = "Begin- of einddatum prestatie onjuist",
        [8011] = "Zorgverlenerscode behandelaar/uitvoerder onjuist",
        [8014] = "Zorgverlenerscode voorschrijver/verwijzer onjuist",
        [8017] = "Van deze creditering is geen debitering bekend",
        [8021] = "Referentienummer niet uniek (al eerder aangeleverd)",
        [8026] = "Volgorde recordtypen onjuist",
        [8027] = "Subversie onjuist",
        [8028] = "Soort bericht onjuist",
        [8029] = "Identificatiecode betaling aan onjuist",
        [8062] = "Identieke debet- en creditregel in hetzelfde bestand",
        [8067] = "Declaratie(regel) reeds eerder ingediend",
        [8073] = "Alle declaratieregels afgewezen",
        [8075] = "Debiteurrecord niet toegestaan",
        [8084] = "Debetregel is al gecrediteerd",
        [8095] = "CR/LF zonder voorafgaand record, of record zonder aansluitend CR/LF",
        [8165] = "Combinatie bericht / versie / subversie onjuist",
        [8176] = "Prestatiedatum na de factuurdatum",
        [8177] = "Begindatum prestatie na de factuurdatum",
        [8178] = "Einddatum prestatie na de factuurdatum",
        [8179] = "Doorsturen toegestaan onjuist",
        [8192] = "Referentienummer niet uniek binnen het bestand",
        [8193] = "Creditregel zonder referentienummer voorgaande prestatie",
        [8195] = "Code indicatieorgaan wijkt af van het verzekerdenrecord",
        [8196] = "Cliëntnummer indicatieorgaan wijkt af van het verzekerdenrecord",
        [8199] = "Voorlooprecord komt meer dan eens voor",
        [8200] = "Sluitrecord komt meer dan eens voor",
        [8215] = "Berekend bedrag is niet gelijk aan aantal × tarief",
        [8216] = "Periode overlapt een eerder goedgekeurde, niet gecrediteerde debetregel",
        [8226] = "Prestatie niet conform de (productie)afspraken",
        [8287] = "Zorgperiode valt buiten de periode van MAZ en MEZ",
        [8288] = "Declaratiejaar is afgesloten",
        [8290] = "Er is geen (correcte) melding aanvang zorg (MAZ) aanwezig",
        [8614] = "Geen (geldige) meerzorgbeschikking",
    }.ToFrozenDictionary();

    /// <summary>Every code this product can give, in ascending order.</summary>
    public static IReadOnlyList<Retourcode> All { get; } = s_meanings.Keys.Order().Select(k => new Retourcode(k)).ToArray();

    /// <summary>The meaning of a code, or null for a code this product does not know.</summary>
    public static string? Meaning(Retourcode code) => s_meanings.GetValueOrDefault(code.Value);
}
