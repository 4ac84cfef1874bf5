namespace WlzMessaging.Vektis;

/// <summary>
/// The BER's value rules (permitted values, fixed values, minimums) that the reader itself checks, as the "permitted"
/// column of specs/aw319.md gives them with an arrow to their code. The checks live where the reader already looks at the
/// record (StructureChecker): this list names them for the spec test, it is not read on the hot path. Rules that need
/// reference data or judgement are the adjudicator's (their cell names the catalogue rule); fields whose rule the BER
/// gives but whose code could not be verified in COD954-VEKT are marked "not checked" in the spec.
/// </summary>
public static class Aw319FieldRules
{
    public static IReadOnlyList<FieldRule> All { get; } =
    [
        new("0101", "01", Retourcodes.KenmerkRecordOnjuist, "05"),
        new("0102", "187", Retourcodes.CodeBerichtOnjuist, "188"),
        new("0103", "01", Retourcodes.VersienummerOnjuist, "02"),
        new("0104", "04", Retourcodes.SubversieOnjuist, "03"),
        new("0105", "P, T", Retourcodes.SoortBerichtOnjuist, "X"),
        new("0108", "the UZOVI number of this zorgkantoor", Retourcodes.UzoviNummerOnjuist, "5510"),
        new("0113", "01, 02, 03, 04", Retourcodes.BetalingAanOnjuist, "05"),
        new("0114", "a valid date", Retourcodes.BegindatumDeclaratieperiodeOnjuist, "20250230"),
        new("0115", "a valid date, not before 0114", Retourcodes.EinddatumDeclaratieperiodeOnjuist, "20241231"),
        new("0117", "a valid date, not after the received date", Retourcodes.DagtekeningFactuurOnjuist, "20990101"),
        new("0119", "EUR", Retourcodes.ValutacodeOnjuist, "USD"),
        new("0180", "spaces", Retourcodes.ReserveOnjuist, "X"),
        new("0201", "02", Retourcodes.KenmerkRecordOnjuist, "05"),
        new("0202", "the running detail number", Retourcodes.IdentificatieDetailrecordOnjuist, "000000000009"),
        new("0280", "spaces", Retourcodes.ReserveOnjuist, "X"),
        new("0401", "04", Retourcodes.KenmerkRecordOnjuist, "05"),
        new("0402", "the running detail number", Retourcodes.IdentificatieDetailrecordOnjuist, "000000000009"),
        new("0403", "0203 of its 02", Retourcodes.BsnOnjuist, "000000000"),
        new("0404", "0204 of its 02", Retourcodes.UzoviNummerOnjuist, "5510"),
        new("0405", "0205 of its 02", Retourcodes.BsnOnjuist, "X"),
        new("0407", "1", Retourcodes.DoorsturenToegestaanOnjuist, "0"),
        new("0408", "0224 of its 02", Retourcodes.CodeIndicatieorgaanWijktAf, "9999"),
        new("0409", "0225 of its 02", Retourcodes.ClientnummerIndicatieorgaanWijktAf, "X"),
        new("0427", "D, C", Retourcodes.IndicatieDebetCreditOnjuist, "X"),
        new("0430", "D, C", Retourcodes.IndicatieDebetCreditOnjuist, "X"),
        new("0480", "spaces", Retourcodes.ReserveOnjuist, "X"),
        new("9801", "98", Retourcodes.KenmerkRecordOnjuist, "05"),
        new("9802", "the detail number of its record", Retourcodes.IdentificatieDetailrecordOnjuist, "000000000009"),
        new("9880", "spaces", Retourcodes.ReserveOnjuist, "X"),
        new("9901", "99", Retourcodes.KenmerkRecordOnjuist, "05"),
        new("9902", "the number of 02 records", Retourcodes.AantalVerzekerdenrecordsOnjuist, "9"),
        new("9903", "000000, the number of 03 records", Retourcodes.AantalDebiteurrecordsOnjuist, "1"),
        new("9904", "the number of 04 records", Retourcodes.AantalPrestatierecordsOnjuist, "9"),
        new("9905", "the number of 98 records", Retourcodes.AantalCommentaarrecordsOnjuist, "9"),
        new("9906", "at least 2", Retourcodes.TotaalAantalDetailrecordsOnjuist, "0000001"),
        new("9907", "the net total of 0429", Retourcodes.TotaalDeclaratiebedragOnjuist, "1"),
        new("9908", "D, C: the sign of the net total", Retourcodes.IndicatieDebetCreditOnjuist, "X"),
        new("9980", "spaces", Retourcodes.ReserveOnjuist, "X"),
    ];
}
