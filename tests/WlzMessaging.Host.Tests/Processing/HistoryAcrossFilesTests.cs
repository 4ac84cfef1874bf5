using System.Globalization;
using Dapper;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Testing;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary>
/// The adjudicator's history across files, end to end through <c>wlz reference import</c> and <c>wlz process</c> on a real
/// PostgreSQL: a debit approved in January's file is credited in a later file, and a second debit for care already paid
/// is refused as declared before (8067); a reference already sent, even on a rejected line, is not unique (8021).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HistoryAcrossFilesTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_debit_its_credit_in_a_later_file_and_a_duplicate_are_answered_8001_8001_and_8067()
    {
        var january = SampleAw319.Files[0];
        var correction = january with
        {
            FileName = "de-linde-2025-01-correctie.aw319",
            Factuurnummer = "DL2025-0002",
            InvoiceDate = new DateOnly(2025, 2, 18),
            Clients =
            [
                january.Clients[0] with
                {
                    Lines =
                    [
                        // Reverses January's ZZP line in full: its debit is known and approved, so the credit is approved.
                        january.Clients[0].Lines[0] with { Reference = "DL-2501-0101", Credit = true, Voorgaand = "DL-2501-0001" },
                        // The meerzorg of January once more: it overlaps an approved debit that nobody credited.
                        january.Clients[0].Lines[1] with { Reference = "DL-2501-0102" },
                    ],
                },
            ],
        };
        var first = Temp.File("in/" + january.FileName);
        var second = Temp.File("in/" + correction.FileName);
        Directory.CreateDirectory(Temp.File("in"));
        await File.WriteAllBytesAsync(first, SampleAw319.Build(january));
        await File.WriteAllBytesAsync(second, SampleAw319.Build(correction));
        var connection = Database.ConnectionString;

        var import = await Wlz.RunAsync(["reference", "import", RepositoryRoot.Combine("testdata", "reference"), "--connection", connection]);
        Assert.Equal(ExitCodes.Ok, import.ExitCode);
        var one = await Wlz.RunAsync(["process", first, "--out", Temp.File("out"), "--received", "2025-02-10", "--connection", connection]);
        Assert.Equal(ExitCodes.Ok, one.ExitCode);
        var two = await Wlz.RunAsync(["process", second, "--out", Temp.File("out"), "--received", "2025-02-20", "--connection", connection]);
        Assert.Equal(ExitCodes.Ok, two.ExitCode);
        Assert.Contains("2 lines, 1 approved, 1 rejected", two.Out, StringComparison.Ordinal);

        var januaryAnswer = await Aw319Files.AnsweredLinesAsync(Temp.File("out/de-linde-2025-01.aw320"));
        var correctionAnswer = await Aw319Files.AnsweredLinesAsync(Temp.File("out/de-linde-2025-01-correctie.aw320"));
        Assert.Equal(8001, januaryAnswer.Values.Single(l => l.Reference == "DL-2501-0001").Code);
        var credit = correctionAnswer.Values.Single(l => l.Reference == "DL-2501-0101");
        Assert.Equal(8001, credit.Code);
        Assert.Equal(-31 * 14730, credit.Toegekend);
        var duplicate = correctionAnswer.Values.Single(l => l.Reference == "DL-2501-0102");
        Assert.Equal(Retourcodes.ReedsEerderIngediend.Value, duplicate.Code);
        Assert.Equal(0, duplicate.Toegekend);

        await using var db = await Database.OpenConnectionAsync();
        var stored = (await db.QueryAsync<(string Reference, short Code, long Approved)>(
            "SELECT referentienummer, retourcode_1, approved_cents FROM declaration_line ORDER BY referentienummer")).ToList();
        Assert.Equal(
            [("DL-2501-0001", 8001, 31 * 14730), ("DL-2501-0002", 8001, 31 * 9850), ("DL-2501-0101", 8001, -31 * 14730), ("DL-2501-0102", 8067, 0)],
            stored.Select(s => (s.Reference, (int)s.Code, s.Approved)).ToList());

        // The declaration period's end is kept for the lateness report (17 working days after the month).
        Assert.Equal(
            [new DateOnly(2025, 1, 31), new DateOnly(2025, 1, 31)],
            (await db.QueryAsync<DateOnly>("SELECT period_end FROM vektis_file ORDER BY id")).ToList());
    }
    [Fact]
    public async Task A_reference_of_a_line_rejected_in_an_earlier_file_is_answered_8021_when_sent_again()
    {
        // January's ZZP line at a tariff one cent off is rejected (0611); the provider then sends the corrected line under
        // the same reference. COD954-VEKT's 8021 knows no exception for a rejected line: on main it was approved.
        var january = SampleAw319.Files[0];
        var zzp = january.Clients[0].Lines[0];
        var wrong = january with { Clients = [january.Clients[0] with { Lines = [zzp with { Tarief = zzp.Tarief + 1 }] }] };
        var again = january with
        {
            FileName = "de-linde-2025-01-opnieuw.aw319",
            Factuurnummer = "DL2025-0003",
            Clients = [january.Clients[0] with { Lines = [zzp] }],
        };
        Directory.CreateDirectory(Temp.File("in"));
        var first = Temp.File("in/" + wrong.FileName);
        var second = Temp.File("in/" + again.FileName);
        await File.WriteAllBytesAsync(first, SampleAw319.Build(wrong));
        await File.WriteAllBytesAsync(second, SampleAw319.Build(again));
        var connection = Database.ConnectionString;

        Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(["reference", "import", RepositoryRoot.Combine("testdata", "reference"), "--connection", connection])).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(["process", first, "--out", Temp.File("out"), "--received", "2025-02-10", "--connection", connection])).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Wlz.RunAsync(["process", second, "--out", Temp.File("out"), "--received", "2025-02-20", "--connection", connection])).ExitCode);

        var rejected = (await Aw319Files.AnsweredLinesAsync(Temp.File("out/" + wrong.FileName.Replace(".aw319", ".aw320", StringComparison.Ordinal)))).Values.Single();
        Assert.Equal(Retourcodes.TariefOnjuist.Value, rejected.Code);
        var resent = (await Aw319Files.AnsweredLinesAsync(Temp.File("out/" + again.FileName.Replace(".aw319", ".aw320", StringComparison.Ordinal)))).Values.Single();
        Assert.Equal(Retourcodes.ReferentienummerNietUniek.Value, resent.Code);
        Assert.Equal(0, resent.Toegekend);
    }
}
