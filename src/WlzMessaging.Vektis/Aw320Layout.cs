using static WlzMessaging.Vektis.FieldType;

namespace WlzMessaging.Vektis;

/// <summary>
/// The AW320 answer (370 positions): positions 1-310 repeat the AW319 record (0102 becomes 188), 311-370 carry the
/// answer per record type. The sluitrecord is laid out anew from position 34 on. Held to specs/aw320.md by a test.
/// </summary>
public static class Aw320Layout
{
    public const int RecordLength = 370;
    public const int MessageCode = 188;

    /// <summary>01 VOORLOOPRECORD, answer part.</summary>
    public static class Voorloop
    {
        public static readonly FieldSpec ReferentienummerZorgverzekeraar = new("0181", "REFERENTIENUMMER ZORGVERZEKERAAR", 311, 24, AN, 'C');
        public static readonly FieldSpec DagtekeningRetourbericht = new("0182", "DAGTEKENING RETOURBERICHT", 335, 8, N, 'M');
        public static readonly FieldSpec Retourcode01 = new("0196", "RETOURCODE (01)", 343, 4, AN, 'M');
        public static readonly FieldSpec Retourcode02 = new("0197", "RETOURCODE (02)", 347, 4, AN, 'C');
        public static readonly FieldSpec Retourcode03 = new("0198", "RETOURCODE (03)", 351, 4, AN, 'C');
        public static readonly FieldSpec Reserve = new("0199", "RESERVE", 355, 16, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } =
            [ReferentienummerZorgverzekeraar, DagtekeningRetourbericht, Retourcode01, Retourcode02, Retourcode03, Reserve];
    }

    /// <summary>02 VERZEKERDENRECORD, answer part.</summary>
    public static class Verzekerde
    {
        public static readonly FieldSpec Retourcode01 = new("0296", "RETOURCODE (01)", 311, 4, AN, 'M');
        public static readonly FieldSpec Retourcode02 = new("0297", "RETOURCODE (02)", 315, 4, AN, 'C');
        public static readonly FieldSpec Retourcode03 = new("0298", "RETOURCODE (03)", 319, 4, AN, 'C');
        public static readonly FieldSpec Reserve = new("0299", "RESERVE", 323, 48, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } = [Retourcode01, Retourcode02, Retourcode03, Reserve];
    }

    /// <summary>04 PRESTATIERECORD, answer part.</summary>
    public static class Prestatie
    {
        public static readonly FieldSpec BerekendBedragZorgverzekeraar = new("0481", "BEREKEND BEDRAG ZORGVERZEKERAAR", 311, 8, N, 'M');
        public static readonly FieldSpec IndicatieDebetCredit03 = new("0482", "INDICATIE DEBET/CREDIT (03)", 319, 1, AN, 'M');
        public static readonly FieldSpec ToegekendBedrag = new("0483", "TOEGEKEND BEDRAG", 320, 8, N, 'M');
        public static readonly FieldSpec IndicatieDebetCredit04 = new("0484", "INDICATIE DEBET/CREDIT (04)", 328, 1, AN, 'M');
        public static readonly FieldSpec Retourcode01 = new("0496", "RETOURCODE (01)", 329, 4, AN, 'M');
        public static readonly FieldSpec Retourcode02 = new("0497", "RETOURCODE (02)", 333, 4, AN, 'C');
        public static readonly FieldSpec Retourcode03 = new("0498", "RETOURCODE (03)", 337, 4, AN, 'C');
        public static readonly FieldSpec Reserve = new("0499", "RESERVE", 341, 30, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } =
        [
            BerekendBedragZorgverzekeraar, IndicatieDebetCredit03, ToegekendBedrag, IndicatieDebetCredit04, Retourcode01,
            Retourcode02, Retourcode03, Reserve,
        ];
    }

    /// <summary>98 COMMENTAARRECORD, answer part.</summary>
    public static class Commentaar
    {
        public static readonly FieldSpec Retourcode01 = new("9896", "RETOURCODE (01)", 311, 4, AN, 'M');
        public static readonly FieldSpec Retourcode02 = new("9897", "RETOURCODE (02)", 315, 4, AN, 'C');
        public static readonly FieldSpec Retourcode03 = new("9898", "RETOURCODE (03)", 319, 4, AN, 'C');
        public static readonly FieldSpec Reserve = new("9899", "RESERVE", 323, 48, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } = [Retourcode01, Retourcode02, Retourcode03, Reserve];
    }

    /// <summary>99 SLUITRECORD: the whole record, as its layout differs from the AW319 one after position 33.</summary>
    public static class Sluit
    {
        public static readonly FieldSpec TotaalIngediend = new("9907", "TOTAAL INGEDIEND DECLARATIEBEDRAG", 34, 11, N, 'M');
        public static readonly FieldSpec IndicatieDebetCredit01 = new("9908", "INDICATIE DEBET/CREDIT (01)", 45, 1, AN, 'M');
        public static readonly FieldSpec TotaalToegekend = new("9909", "TOTAAL TOEGEKEND BEDRAG", 46, 11, N, 'M');
        public static readonly FieldSpec IndicatieDebetCredit02 = new("9910", "INDICATIE DEBET/CREDIT (02)", 57, 1, AN, 'M');
        public static readonly FieldSpec Reserve = new("9980", "RESERVE", 58, 313, AN, '-');

        public static IReadOnlyList<FieldSpec> Fields { get; } =
        [
            Aw319Layout.Sluit.KenmerkRecord, Aw319Layout.Sluit.AantalVerzekerdenrecords, Aw319Layout.Sluit.AantalDebiteurrecords,
            Aw319Layout.Sluit.AantalPrestatierecords, Aw319Layout.Sluit.AantalCommentaarrecords,
            Aw319Layout.Sluit.TotaalAantalDetailrecords, TotaalIngediend, IndicatieDebetCredit01, TotaalToegekend,
            IndicatieDebetCredit02, Reserve,
        ];
    }

    /// <summary>The answer fields of a record type (for 99 the whole record).</summary>
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
