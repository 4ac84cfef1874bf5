using WlzMessaging.Adjudication.Tests.Support;
using static WlzMessaging.Adjudication.Tests.Golden.Expected;
using P = WlzMessaging.Vektis.Aw319Layout.Prestatie;
using Z = WlzMessaging.Vektis.Aw319Layout.Verzekerde;

namespace WlzMessaging.Adjudication.Tests.Golden;

/// <summary>
/// The golden cases: per client and line rule a small file in which the rule fires once beside a line or client that
/// passes, and one mixed file in which every rule fires among approved lines. Amounts in cents.
/// </summary>
internal static class GoldenCases
{
    private static readonly DateOnly Jan1 = Aw319Builder.January1;
    private static readonly DateOnly Jan15 = new(2025, 1, 15);
    private static readonly DateOnly Jan31 = Aw319Builder.January31;
    private static readonly DateOnly Dec1 = new(2024, 12, 1);
    private static readonly DateOnly Dec31 = new(2024, 12, 31);
    private static readonly DateOnly Received = Aw319Builder.Received;

    // The builder's invoice date (0117) is 5 February 2025: care on these days was invoiced before it was given.
    private static readonly DateOnly Feb1 = new(2025, 2, 1);
    private static readonly DateOnly Feb6 = new(2025, 2, 6);
    private static readonly DateOnly Feb7 = new(2025, 2, 7);

    // 0481 for a month of the prestaties of testdata/rules/reference.
    private const long Z015 = 31 * 14730;
    private const long H126 = 300 * 105;
    private const long Zmz01 = 31 * 9850;

    public static IReadOnlyList<GoldenCase> All { get; } =
    [
        Case("C01", new Aw319Builder()
                .Client(Clients.Invalid).Comment("Client met een BSN dat de elfproef niet haalt").Z015("C01-1").Comment("Regel")
                .Client(Clients.A).Z015("C01-2"),
            [Client("0435"), Comment("8002"), Line("8002", Z015), Comment("8002"), Client(), Line("8001", Z015)]),

        Case("C02", new Aw319Builder()
                .Client(Clients.A, c => c.Set(Z.DatumGeboorte, Received.AddDays(1))).Z015("C02-1")
                .Client(Clients.D).Z015("C02-2"),
            [Client("0350"), Line("8002", Z015), Client(), Line("8001", Z015)]),

        Case("C03", new Aw319Builder()
                .Client(Clients.A, c => c.Set(Z.CodeGeslacht, 0)).Z015("C03-1")
                .Client(Clients.D).Z015("C03-2"),
            [Client("0351"), Line("8002", Z015), Client(), Line("8001", Z015)]),

        Case("L01", new Aw319Builder().Client(Clients.A)
                .Z015("L01-1")
                .Line("Z015", Jan31, Jan1, 31, 14730, "L01-2"),
            [Client(), Line("8001", Z015), Line("8007", Z015)]),

        Case("L01a", new Aw319Builder().Client(Clients.A)
                .Z015("L01a-1")
                .Line("H126", Feb7, Feb7, 60, 105, "L01a-2"),
            [Client(), Line("8001", Z015), Line("8176", 60 * 105)]),

        Case("L01b", new Aw319Builder().Client(Clients.A)
                .Z015("L01b-1")
                .Line("H126", Feb6, Feb7, 120, 105, "L01b-2"),
            [Client(), Line("8001", Z015), Line("8177 8178", 120 * 105)]),

        Case("L01c", new Aw319Builder().Client(Clients.A)
                .Z015("L01c-1")
                .Line("H126", Feb1, Feb6, 120, 105, "L01c-2"),
            [Client(), Line("8001", Z015), Line("8178", 120 * 105)]),

        Case("L02", new Aw319Builder().Client(Clients.A)
                .Z015("L02-1")
                .Line("H126", Jan1, Jan31, 300, 105, "L02-2", edit: l => l.Set(P.AanduidingPrestatiecodelijst, 56)),
            [Client(), Line("8001", Z015), Line("0581", H126)]),

        Case("L03", new Aw319Builder().Client(Clients.A)
                .Z015("L03-1")
                .Line("F125", Jan1, Jan31, 31, 6120, "L03-2"),
            [Client(), Line("8001", Z015), Line("0582", 31 * 6120)]),

        Case("L04", new Aw319Builder().Client(Clients.A)
                .Z015("L04-1")
                .Line("H126", Jan1, Jan31, 300, 105, "L04-2", edit: l => l.Set(P.Functiecode, 4)),
            [Client(), Line("8001", Z015), Line("1113", H126)]),

        Case("L05", new Aw319Builder().Client(Clients.A)
                .Z015("L05-1")
                .Line("H126", Jan1, Jan31, 300, 105, "L05-2", edit: l => l.Set(P.Declaratiebedrag, H126 - 5)),
            [Client(), Line("8001", Z015), Line("8215", H126)]),

        Case("L05a", new Aw319Builder().Client(Clients.A)
                .Z015("L05a-1")
                .Line("H126", Jan1, Jan31, 300, 105, "L05a-2", edit: l => l.Set(P.IndicatieDebetCredit01, "C")),
            [Client(), Line("8001", Z015), Line("0631", H126)]),

        Case("L06", new Aw319Builder()
                .Client(Clients.A).Z015("L06-DUBBEL")
                .Client(Clients.D).Z015("L06-DUBBEL"),
            [Client(), Line("8001", Z015), Client(), Line("8192", Z015)]),

        Case("L07", new Aw319Builder()
                .Client(Clients.A).Z015("L07-OUD")
                .Client(Clients.D).Z015("L07-NIEUW"),
            [Client(), Line("8021", Z015), Client(), Line("8001", Z015)], history: new History().Received("L07-OUD")),

        Case("L08", new Aw319Builder()
                .Client(Clients.A).Z015("L08-CR", credit: true)
                .Client(Clients.D).Z015("L08-DB"),
            [Client(), Line("8193", -Z015), Client(), Line("8001", Z015)]),

        Case("L09", new Aw319Builder().Client(Clients.A)
                .Z015("L09-CR1", credit: true, voorgaand: "L09-ONBEKEND")
                .Z015("L09-CR2", credit: true, voorgaand: "L09-DB"),
            [Client(), Line("8017", -Z015), Line("8001", -Z015)], history: new History().ApprovedJanuaryZ015("L09-DB")),

        Case("L10", new Aw319Builder().Client(Clients.A)
                .Z015("L10-CR1", credit: true, voorgaand: "L10-DB")
                .Z015("L10-CR2", credit: true, voorgaand: "L10-DB"),
            [Client(), Line("8001", -Z015), Line("8084", -Z015)], history: new History().ApprovedJanuaryZ015("L10-DB")),

        Case("L11", new Aw319Builder()
                .Client(Clients.A).Z015("L11-DB").Z015("L11-CR", credit: true, voorgaand: "L11-DB")
                .Client(Clients.D).Z015("L11-ANDER"),
            [Client(), Line("8062", Z015), Line("8062", -Z015), Client(), Line("8001", Z015)]),

        Case("L12", new Aw319Builder()
                .Client(Clients.A).Z015("L12-1")
                .Client(Clients.D).Z015("L12-2"),
            [Client(), Line("8067", Z015), Client(), Line("8001", Z015)], history: new History().ApprovedJanuaryZ015("L12-OUD")),

        Case("L12a", new Aw319Builder()
                .Client(Clients.A).Line("Z015", Jan15, Jan31, 17, 14730, "L12a-1")
                .Client(Clients.D).Z015("L12a-2").Line("Z015", Jan15, Jan15, 1, 14730, "L12a-3"),
            [Client(), Line("8216", 17 * 14730), Client(), Line("8001", Z015), Line("8216", 14730)], history: new History().ApprovedJanuaryZ015("L12a-OUD")),

        Case("L13", new Aw319Builder().Client(Clients.A)
                .Line("Z015", Dec1, Dec31, 31, 14250, "L13-1")
                .Line("H126", Jan1, Jan31, 300, 105, "L13-2"),
            [Client(), Line("8288", 31 * 14250), Line("8001", H126)], received: new DateOnly(2025, 3, 26)),

        Case("L14", new Aw319Builder()
                .Client(Clients.C).Z015("L14-1")
                .Client(Clients.A).Z015("L14-2"),
            [Client(), Line("8290", Z015), Client(), Line("8001", Z015)]),

        Case("L15", new Aw319Builder().Client(Clients.B)
                .Z015("L15-1")
                .Line("Z015", Jan1, Jan15, 15, 14730, "L15-2"),
            [Client(), Line("8287", Z015), Line("8001", 15 * 14730)]),

        Case("L16", new Aw319Builder().Client(Clients.A)
                .Line("Z025", Jan1, Jan31, 31, 16410, "L16-1")
                .Z015("L16-2"),
            [Client(), Line("8226", 31 * 16410), Line("8001", Z015)]),

        Case("L17", new Aw319Builder()
                .Client(Clients.D).Line("ZMZ01", Jan1, Jan31, 31, 9850, "L17-1")
                .Client(Clients.A).Line("ZMZ01", Jan1, Jan31, 31, 9850, "L17-2"),
            [Client(), Line("8614", Zmz01), Client(), Line("8001", Zmz01)]),

        Case("L18", new Aw319Builder().Client(Clients.A)
                .Line("ZMZ01", Jan1, Jan31, 31, 9900, "L18-1")
                .Line("ZMZ01", Jan1, Jan31, 31, 9850, "L18-2"),
            [Client(), Line("0611", Zmz01), Line("8001", Zmz01)]),

        Case("L19", new Aw319Builder()
                .Client(Clients.A).Line("Z015", Jan1, Jan31, 31, 14800, "L19-1")
                .Client(Clients.D).Z015("L19-2"),
            [Client(), Line("0611", Z015), Client(), Line("8001", Z015)]),

        Case("L20", new Aw319Builder()
                .Client(Clients.D).Z015("L20-1")
                .Client(Clients.A).Z015("L20-2"),
            [Client(), Line("0551", Z015), Client(), Line("8001", Z015)]) with { WithToewijzingen = true },

        Case("L21", new Aw319Builder().Client(Clients.A)
                .Line("ZMZ01", Jan1, Jan31, 31, 9850, "L21-1", edit: l => l.Set(P.Zorgzwaartepakketcode, 2))
                .Line("ZMZ01", Jan1, Jan31, 31, 9850, "L21-2"),
            [Client(), Line("0553", Zmz01), Line("8001", Zmz01)]) with { WithToewijzingen = true },

        Mixed(),
    ];

    public static GoldenCase Get(string name) => All.Single(c => c.Name == name);

    /// <summary>
    /// Every rule at least once, among approved lines: rejected clients, then clients whose lines fire one or more line
    /// rules each, with lines approved in between and comments on both.
    /// </summary>
    private static GoldenCase Mixed()
    {
        var history = new History()
            .Received("M-OUD")
            .ApprovedDebit("M-HIST", Clients.A, "H126", Jan1, Jan31, H126)
            .ApprovedDebit("M-HIST2", Clients.D, "Z015", Dec1, Dec31, 31 * 14250, credited: true);

        var file = new Aw319Builder()
            .Client(Clients.Invalid).Comment("C01").Z015("M-C01")
            .Client(Clients.D, c => c.Raw(Z.DatumGeboorte, "19400231")).Z015("M-C02").Comment("onder afgekeurde client")
            .Client(Clients.A, c => c.Set(Z.CodeGeslacht, 3)).Z015("M-C03")
            .Client(Clients.A).Comment("Client A: de regelregels een voor een")
            .Line("Z015", Jan31, Jan1, 31, 14730, "M-02")                                                         // L01
            .Z015("M-03", edit: l => l.Set(P.AanduidingPrestatiecodelijst, 56))                                   // L02
            .Line("X999", Jan1, Jan31, 31, 14730, "M-04")                                                         // L03, L16
            .Z015("M-05", edit: l => l.Set(P.Zorgzwaartepakketcode, 2))                                           // L04
            .Z015("M-06", edit: l => l.Set(P.Declaratiebedrag, Z015 + 1))                                         // L05
            .Line("Z015", Jan1, Jan31, 31, 14800, "M-07")                                                         // L19
            .Z015("M-01").Comment("goedgekeurd")                                                                  // approved
            .Line("Z015", Jan15, Jan31, 17, 14730, "M-08").Comment("afgekeurd")                                   // L12a (this file)
            .Line("H126", Jan1, Jan31, 300, 105, "M-09")                                                          // L12 (history, identical)
            .Line("H126", Jan1, Jan31, 300, 105, "M-10", credit: true, voorgaand: "M-HIST")                       // approved credit
            .Line("H126", Jan1, Jan31, 300, 105, "M-11")                                                          // approved after it
            .Line("ZMZ01", Jan1, Jan31, 31, 9900, "M-13")                                                         // L18
            .Line("ZMZ01", Jan1, Jan31, 31, 9850, "M-12")                                                         // approved
            .Line("Z025", Jan1, Jan31, 31, 16410, "M-14")                                                         // L16
            .Line("F125", Jan1, Jan31, 31, 6120, "M-15")                                                          // L03
            .Line("H126", Feb7, Feb7, 60, 105, "M-28")                                                            // L01a
            .Line("H126", Feb6, Feb7, 120, 105, "M-29")                                                           // L01b, L01c
            .Client(Clients.D)
            .Z015("M-01")                                                                                         // L06
            .Z015("M-OUD")                                                                                        // L07
            .Z015("M-16", credit: true)                                                                           // L08
            .Z015("M-17", credit: true, voorgaand: "M-ONBEKEND")                                                  // L09
            .Line("Z015", Dec1, Dec31, 31, 14250, "M-18", credit: true, voorgaand: "M-HIST2")                     // L10
            .Line("H126", Jan1, Jan15, 150, 105, "M-19")                                                          // L11
            .Line("H126", Jan1, Jan15, 150, 105, "M-20", credit: true, voorgaand: "M-19")                         // L11
            .Line("ZMZ01", Jan1, Jan31, 31, 9850, "M-21")                                                         // L17
            .Line("Z015", new DateOnly(2023, 12, 1), new DateOnly(2023, 12, 31), 31, 14250, "M-22")               // L13, L14 (MAZ from 2024), L16
            .Line("V015", Jan1, Jan31, 31, 13450, "M-24")                                                         // L19
            .Z015("M-23")                                                                                         // approved
            .Client(Clients.C).Z015("M-25")                                                                       // L14
            .Client(Clients.B).Z015("M-26")                                                                       // L15
            .Line("Z015", Jan1, Jan15, 15, 14730, "M-27")                                                         // approved
            .Line("H126", Jan1, Jan15, 150, 105, "M-30", edit: l => l.Set(P.IndicatieDebetCredit01, "C"));         // L05a

        return Case("mixed", file,
        [
            Client("0435"), Comment("8002"), Line("8002", Z015),
            Client("0350"), Line("8002", Z015), Comment("8002"),
            Client("0351"), Line("8002", Z015),
            Client(), Comment(),
            Line("8007", Z015),
            Line("0581", Z015),
            Line("0582 8226", Z015),
            Line("1113", Z015),
            Line("8215", Z015),
            Line("0611", Z015),
            Line("8001", Z015), Comment(),
            Line("8216", 17 * 14730), Comment("8002"),
            Line("8067", H126),
            Line("8001", -H126),
            Line("8001", H126),
            Line("0611", Zmz01),
            Line("8001", Zmz01),
            Line("8226", 31 * 16410),
            Line("0582", 31 * 6120),
            Line("8176", 60 * 105),
            Line("8177 8178", 120 * 105),
            Client(),
            Line("8192", Z015),
            Line("8021", Z015),
            Line("8193", -Z015),
            Line("8017", -Z015),
            Line("8084", -31 * 14250),
            Line("8062", 150 * 105),
            Line("8062", -150 * 105),
            Line("8614", Zmz01),
            Line("8288 8290 8226", 31 * 14250),
            Line("0611", 31 * 13450),
            Line("8001", Z015),
            Client(), Line("8290", Z015),
            Client(), Line("8287", Z015), Line("8001", 15 * 14730), Line("0631", 150 * 105),
        ], history);
    }

    /// <summary>A case; the 01 of each answer gets 0200, as every file holds approved and rejected lines.</summary>
    private static GoldenCase Case(string name, Aw319Builder file, Expected[] records, History? history = null, DateOnly? received = null) =>
        new(name, file, history ?? new History(), received ?? Received, "0200", records);
}
