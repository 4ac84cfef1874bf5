using static WlzMessaging.Vektis.FieldType;

namespace WlzMessaging.Vektis;

/// <summary>
/// The AW319 v1.4 record layouts (310 positions), field by field as in specs/aw319.md; a test reads that file and holds
/// these tables to it. Fault codes: the retourcode for an N field that is not all digits (specs/retourcodes.md): the code
/// of the check the field takes part in, or 0002 for a field that takes part in no check of its own.
/// </summary>
public static class Aw319Layout
{
    public const int RecordLength = 310;
    public const int MessageCode = 187;

    /// <summary>01 VOORLOOPRECORD.</summary>
    public static class Voorloop
    {
        public static readonly FieldSpec KenmerkRecord = new("0101", "KENMERK RECORD", 1, 2, N, 'M', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec CodeBericht = new("0102", "CODE EXTERNE-INTEGRATIEBERICHT", 3, 3, N, 'M', Retourcodes.CodeBerichtOnjuist);
        public static readonly FieldSpec Versienummer = new("0103", "VERSIENUMMER BERICHTSTANDAARD", 6, 2, N, 'M', Retourcodes.VersienummerOnjuist);
        public static readonly FieldSpec Subversienummer = new("0104", "SUBVERSIENUMMER BERICHTSTANDAARD", 8, 2, N, 'C', Retourcodes.SubversieOnjuist);
        public static readonly FieldSpec SoortBericht = new("0105", "SOORT BERICHT", 10, 1, AN, 'M');
        public static readonly FieldSpec CodeSoftwareleverancier = new("0106", "CODE INFORMATIESYSTEEM SOFTWARELEVERANCIER", 11, 6, N, 'O', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec VersieSoftware = new("0107", "VERSIEAANDUIDING INFORMATIESYSTEEM", 17, 10, AN, 'C');
        public static readonly FieldSpec UzoviNummer = new("0108", "UZOVI-NUMMER", 27, 4, N, 'C', Retourcodes.UzoviNummerOnjuist);
        public static readonly FieldSpec CodeServicebureau = new("0109", "CODE SERVICEBUREAU", 31, 8, N, 'C', Retourcodes.CodeServicebureauOnjuist);
        public static readonly FieldSpec Zorgverlenerscode = new("0110", "ZORGVERLENERSCODE", 39, 8, N, 'C', Retourcodes.ZorgverlenerscodeOnjuist);
        public static readonly FieldSpec Praktijkcode = new("0111", "PRAKTIJKCODE", 47, 8, N, 'C', Retourcodes.PraktijkcodeOnjuist);
        public static readonly FieldSpec Instellingscode = new("0112", "INSTELLINGSCODE", 55, 8, N, 'C', Retourcodes.InstellingscodeOnjuist);
        public static readonly FieldSpec BetalingAan = new("0113", "IDENTIFICATIECODE BETALING AAN", 63, 2, N, 'M', Retourcodes.BetalingAanOnjuist);
        public static readonly FieldSpec BegindatumDeclaratieperiode = new("0114", "BEGINDATUM DECLARATIEPERIODE", 65, 8, N, 'M', Retourcodes.BegindatumDeclaratieperiodeOnjuist);
        public static readonly FieldSpec EinddatumDeclaratieperiode = new("0115", "EINDDATUM DECLARATIEPERIODE", 73, 8, N, 'M', Retourcodes.EinddatumDeclaratieperiodeOnjuist);
        public static readonly FieldSpec Factuurnummer = new("0116", "FACTUURNUMMER DECLARANT", 81, 12, AN, 'M');
        public static readonly FieldSpec DagtekeningFactuur = new("0117", "DAGTEKENING FACTUUR", 93, 8, N, 'M', Retourcodes.DagtekeningFactuurOnjuist);
        public static readonly FieldSpec BtwIdentificatienummer = new("0118", "BTW-IDENTIFICATIENUMMER", 101, 14, AN, 'C');
        public static readonly FieldSpec Valutacode = new("0119", "VALUTACODE", 115, 3, AN, 'M');
        public static readonly FieldSpec Reserve = new("0180", "RESERVE", 118, 193, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } =
        [
            KenmerkRecord, CodeBericht, Versienummer, Subversienummer, SoortBericht, CodeSoftwareleverancier, VersieSoftware,
            UzoviNummer, CodeServicebureau, Zorgverlenerscode, Praktijkcode, Instellingscode, BetalingAan,
            BegindatumDeclaratieperiode, EinddatumDeclaratieperiode, Factuurnummer, DagtekeningFactuur, BtwIdentificatienummer,
            Valutacode, Reserve,
        ];
    }

    /// <summary>02 VERZEKERDENRECORD.</summary>
    public static class Verzekerde
    {
        public static readonly FieldSpec KenmerkRecord = new("0201", "KENMERK RECORD", 1, 2, N, 'M', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec IdentificatieDetailrecord = new("0202", "IDENTIFICATIE DETAILRECORD", 3, 12, N, 'M', Retourcodes.IdentificatieDetailrecordOnjuist);
        public static readonly FieldSpec Bsn = new("0203", "BSN VERZEKERDE", 15, 9, N, 'M', Retourcodes.BsnOnjuist);
        public static readonly FieldSpec UzoviNummer = new("0204", "UZOVI-NUMMER", 24, 4, N, 'M', Retourcodes.UzoviNummerOnjuist);
        public static readonly FieldSpec Verzekerdennummer = new("0205", "VERZEKERDENNUMMER", 28, 15, AN, 'C');
        public static readonly FieldSpec Patientnummer = new("0206", "PATIENT(IDENTIFICATIE)NUMMER", 43, 11, AN, 'O');
        public static readonly FieldSpec DatumGeboorte = new("0207", "DATUM GEBOORTE VERZEKERDE", 54, 8, N, 'M', Retourcodes.DatumGeboorteOnjuist);
        public static readonly FieldSpec CodeGeslacht = new("0208", "CODE GESLACHT", 62, 1, N, 'M', Retourcodes.GeslachtOnjuist);
        public static readonly FieldSpec Naamcode01 = new("0209", "NAAMCODE/NAAMGEBRUIK (01)", 63, 1, N, 'M', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec Naam01 = new("0210", "NAAM VERZEKERDE (01)", 64, 25, AN, 'M');
        public static readonly FieldSpec Voorvoegsel01 = new("0211", "VOORVOEGSEL (01)", 89, 10, AN, 'C');
        public static readonly FieldSpec Naamcode02 = new("0212", "NAAMCODE/NAAMGEBRUIK (02)", 99, 1, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec Naam02 = new("0213", "NAAM VERZEKERDE (02)", 100, 25, AN, 'C');
        public static readonly FieldSpec Voorvoegsel02 = new("0214", "VOORVOEGSEL (02)", 125, 10, AN, 'C');
        public static readonly FieldSpec Voorletters = new("0215", "VOORLETTERS", 135, 6, AN, 'M');
        public static readonly FieldSpec Naamcode03 = new("0216", "NAAMCODE/NAAMGEBRUIK (03)", 141, 1, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec Postcode = new("0217", "POSTCODE", 142, 6, AN, 'C');
        public static readonly FieldSpec PostcodeBuitenland = new("0218", "POSTCODE BUITENLAND", 148, 9, AN, 'C');
        public static readonly FieldSpec Huisnummer = new("0219", "HUISNUMMER", 157, 5, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec Huisnummertoevoeging = new("0220", "HUISNUMMERTOEVOEGING", 162, 6, AN, 'C');
        public static readonly FieldSpec CodeLand = new("0221", "CODE LAND", 168, 2, AN, 'C');
        public static readonly FieldSpec Debiteurnummer = new("0222", "DEBITEURNUMMER", 170, 11, AN, 'C');
        public static readonly FieldSpec IndicatieOverleden = new("0223", "INDICATIE CLIENT OVERLEDEN", 181, 1, N, 'M', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec CodeIndicatieorgaan = new("0224", "CODE INDICATIEORGAAN", 182, 4, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec ClientnummerIndicatieorgaan = new("0225", "CLIENTNUMMER INDICATIEORGAAN", 186, 20, AN, 'C');
        public static readonly FieldSpec Reserve = new("0280", "RESERVE", 206, 105, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } =
        [
            KenmerkRecord, IdentificatieDetailrecord, Bsn, UzoviNummer, Verzekerdennummer, Patientnummer, DatumGeboorte,
            CodeGeslacht, Naamcode01, Naam01, Voorvoegsel01, Naamcode02, Naam02, Voorvoegsel02, Voorletters, Naamcode03,
            Postcode, PostcodeBuitenland, Huisnummer, Huisnummertoevoeging, CodeLand, Debiteurnummer, IndicatieOverleden,
            CodeIndicatieorgaan, ClientnummerIndicatieorgaan, Reserve,
        ];
    }

    /// <summary>04 PRESTATIERECORD: one declaration line.</summary>
    public static class Prestatie
    {
        public static readonly FieldSpec KenmerkRecord = new("0401", "KENMERK RECORD", 1, 2, N, 'M', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec IdentificatieDetailrecord = new("0402", "IDENTIFICATIE DETAILRECORD", 3, 12, N, 'M', Retourcodes.IdentificatieDetailrecordOnjuist);
        public static readonly FieldSpec Bsn = new("0403", "BSN VERZEKERDE", 15, 9, N, 'M', Retourcodes.BsnOnjuist);
        public static readonly FieldSpec UzoviNummer = new("0404", "UZOVI-NUMMER", 24, 4, N, 'M', Retourcodes.UzoviNummerOnjuist);
        public static readonly FieldSpec Verzekerdennummer = new("0405", "VERZEKERDENNUMMER", 28, 15, AN, 'C');
        public static readonly FieldSpec Machtigingsnummer = new("0406", "MACHTIGINGSNUMMER", 43, 15, AN, 'C');
        public static readonly FieldSpec DoorsturenToegestaan = new("0407", "DOORSTUREN TOEGESTAAN", 58, 1, N, 'M', Retourcodes.DoorsturenToegestaanOnjuist);
        public static readonly FieldSpec CodeIndicatieorgaan = new("0408", "CODE INDICATIEORGAAN", 59, 4, N, 'C', Retourcodes.CodeIndicatieorgaanWijktAf);
        public static readonly FieldSpec ClientnummerIndicatieorgaan = new("0409", "CLIENTNUMMER INDICATIEORGAAN", 63, 20, AN, 'C');
        public static readonly FieldSpec IndicatieAanvraagnummer = new("0410", "INDICATIE-AANVRAAGNUMMER", 83, 9, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec Indicatiebesluitnummer = new("0411", "INDICATIEBESLUITNUMMER", 92, 9, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec Functiecode = new("0412", "FUNCTIECODE", 101, 2, N, 'C', Retourcodes.FunctiecodeZzpOnjuist);
        public static readonly FieldSpec Zorgzwaartepakketcode = new("0413", "ZORGZWAARTEPAKKETCODE", 103, 3, N, 'C', Retourcodes.FunctiecodeZzpOnjuist);
        public static readonly FieldSpec BegindatumPrestatie = new("0414", "BEGINDATUM PRESTATIE", 106, 8, N, 'M', Retourcodes.DatumPrestatieOnjuist);
        public static readonly FieldSpec EinddatumPrestatie = new("0415", "EINDDATUM PRESTATIE", 114, 8, N, 'M', Retourcodes.DatumPrestatieOnjuist);
        public static readonly FieldSpec AanduidingPrestatiecodelijst = new("0416", "AANDUIDING PRESTATIECODELIJST", 122, 3, N, 'M', Retourcodes.PrestatiecodelijstOnjuist);
        public static readonly FieldSpec Prestatiecode = new("0417", "PRESTATIECODE", 125, 5, AN, 'M');
        public static readonly FieldSpec Aantal = new("0418", "AANTAL UITGEVOERDE PRESTATIES", 130, 4, N, 'M', Retourcodes.BerekendBedragOnjuist);
        public static readonly FieldSpec Tijdseenheid = new("0419", "TIJDSEENHEID ZORGPERIODE", 134, 2, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec ZorgverlenerscodeBehandelaar = new("0420", "ZORGVERLENERSCODE BEHANDELAAR/UITVOERDER", 136, 8, N, 'M', Retourcodes.ZorgverlenerscodeBehandelaarOnjuist);
        public static readonly FieldSpec SpecialismeBehandelaar = new("0421", "SPECIALISME BEHANDELAAR", 144, 4, N, 'C', Retourcodes.ZorgverlenerscodeBehandelaarOnjuist);
        public static readonly FieldSpec ZorgverlenerscodeVoorschrijver = new("0422", "ZORGVERLENERSCODE VOORSCHRIJVER/VERWIJZER", 148, 8, N, 'C', Retourcodes.ZorgverlenerscodeVoorschrijverOnjuist);
        public static readonly FieldSpec SpecialismeVoorschrijver = new("0423", "SPECIALISME VOORSCHRIJVER", 156, 4, N, 'C', Retourcodes.ZorgverlenerscodeVoorschrijverOnjuist);
        public static readonly FieldSpec Verrekenpercentage = new("0424", "VERREKENPERCENTAGE", 160, 5, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec Tarief = new("0425", "TARIEF PRESTATIE (INCL. BTW)", 165, 8, N, 'M', Retourcodes.BerekendBedragOnjuist);
        public static readonly FieldSpec BerekendBedrag = new("0426", "BEREKEND BEDRAG (INCL. BTW)", 173, 8, N, 'M', Retourcodes.BerekendBedragOnjuist);
        public static readonly FieldSpec IndicatieDebetCredit01 = new("0427", "INDICATIE DEBET/CREDIT (01)", 181, 1, AN, 'M');
        public static readonly FieldSpec BtwPercentage = new("0428", "BTW-PERCENTAGE DECLARATIEBEDRAG", 182, 4, N, 'C', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec Declaratiebedrag = new("0429", "DECLARATIEBEDRAG (INCL. BTW)", 186, 8, N, 'M', Retourcodes.BerekendBedragOnjuist);
        public static readonly FieldSpec IndicatieDebetCredit02 = new("0430", "INDICATIE DEBET/CREDIT (02)", 194, 1, AN, 'M');
        public static readonly FieldSpec Referentienummer = new("0431", "REFERENTIENUMMER DIT PRESTATIERECORD", 195, 20, AN, 'M');
        public static readonly FieldSpec ReferentienummerVoorgaand = new("0432", "REFERENTIENUMMER VOORGAANDE GERELATEERDE PRESTATIERECORD", 215, 20, AN, 'C');
        public static readonly FieldSpec Reserve = new("0480", "RESERVE", 235, 76, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } =
        [
            KenmerkRecord, IdentificatieDetailrecord, Bsn, UzoviNummer, Verzekerdennummer, Machtigingsnummer,
            DoorsturenToegestaan, CodeIndicatieorgaan, ClientnummerIndicatieorgaan, IndicatieAanvraagnummer,
            Indicatiebesluitnummer, Functiecode, Zorgzwaartepakketcode, BegindatumPrestatie, EinddatumPrestatie,
            AanduidingPrestatiecodelijst, Prestatiecode, Aantal, Tijdseenheid, ZorgverlenerscodeBehandelaar,
            SpecialismeBehandelaar, ZorgverlenerscodeVoorschrijver, SpecialismeVoorschrijver, Verrekenpercentage, Tarief,
            BerekendBedrag, IndicatieDebetCredit01, BtwPercentage, Declaratiebedrag, IndicatieDebetCredit02, Referentienummer,
            ReferentienummerVoorgaand, Reserve,
        ];
    }

    /// <summary>98 COMMENTAARRECORD.</summary>
    public static class Commentaar
    {
        public static readonly FieldSpec KenmerkRecord = new("9801", "KENMERK RECORD", 1, 2, N, 'M', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec IdentificatieDetailrecord = new("9802", "IDENTIFICATIE DETAILRECORD", 3, 12, N, 'M', Retourcodes.IdentificatieDetailrecordOnjuist);
        public static readonly FieldSpec Regelnummer = new("9803", "REGELNUMMER VRIJE TEKST", 15, 4, N, 'M', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec VrijeTekst = new("9804", "VRIJE TEKST", 19, 140, AN, 'M');
        public static readonly FieldSpec Reserve = new("9880", "RESERVE", 159, 152, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } = [KenmerkRecord, IdentificatieDetailrecord, Regelnummer, VrijeTekst, Reserve];
    }

    /// <summary>99 SLUITRECORD.</summary>
    public static class Sluit
    {
        public static readonly FieldSpec KenmerkRecord = new("9901", "KENMERK RECORD", 1, 2, N, 'M', Retourcodes.KenmerkRecordOnjuist);
        public static readonly FieldSpec AantalVerzekerdenrecords = new("9902", "AANTAL VERZEKERDENRECORDS", 3, 6, N, 'M', Retourcodes.AantalVerzekerdenrecordsOnjuist);
        public static readonly FieldSpec AantalDebiteurrecords = new("9903", "AANTAL DEBITEURRECORDS", 9, 6, N, 'C', Retourcodes.AantalDebiteurrecordsOnjuist);
        public static readonly FieldSpec AantalPrestatierecords = new("9904", "AANTAL PRESTATIERECORDS", 15, 6, N, 'M', Retourcodes.AantalPrestatierecordsOnjuist);
        public static readonly FieldSpec AantalCommentaarrecords = new("9905", "AANTAL COMMENTAARRECORDS", 21, 6, N, 'C', Retourcodes.AantalCommentaarrecordsOnjuist);
        public static readonly FieldSpec TotaalAantalDetailrecords = new("9906", "TOTAAL AANTAL DETAILRECORDS", 27, 7, N, 'M', Retourcodes.TotaalAantalDetailrecordsOnjuist);
        public static readonly FieldSpec TotaalDeclaratiebedrag = new("9907", "TOTAAL DECLARATIEBEDRAG", 34, 11, N, 'C', Retourcodes.TotaalDeclaratiebedragOnjuist);
        public static readonly FieldSpec IndicatieDebetCredit = new("9908", "INDICATIE DEBET/CREDIT", 45, 1, AN, 'M');
        public static readonly FieldSpec Reserve = new("9980", "RESERVE", 46, 265, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } =
        [
            KenmerkRecord, AantalVerzekerdenrecords, AantalDebiteurrecords, AantalPrestatierecords, AantalCommentaarrecords,
            TotaalAantalDetailrecords, TotaalDeclaratiebedrag, IndicatieDebetCredit, Reserve,
        ];
    }

    /// <summary>The layout of a record type, or empty for a type the AW319 does not have.</summary>
    public static IReadOnlyList<FieldSpec> FieldsOf(RecordType type) => type switch
    {
        RecordType.Voorloop => Voorloop.Fields,
        RecordType.Verzekerde => Verzekerde.Fields,
        RecordType.Prestatie => Prestatie.Fields,
        RecordType.Commentaar => Commentaar.Fields,
        RecordType.Sluit => Sluit.Fields,
        _ => [],
    };
}
