using System.Text;
using System.Text.Json;
using WlzMessaging.Host.Cli;
using WlzMessaging.Ingestion;
using WlzMessaging.Vektis;

namespace WlzMessaging.Host.Tests;

public sealed class GenerateInspectTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> GenerateAsync(string name = "jan.aw319", params string[] extra)
    {
        var path = _temp.File(name);
        var outcome = await Wlz.RunAsync(["generate", "--out", path, "--lines", "400", "--seed", "9", "--comments", .. extra]);
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal("", outcome.Error);
        return path;
    }

    /// <summary>Every BSN in a file (positions 15-23 of its 02 and 04 records).</summary>
    private static List<string> Bsns(string path) => File.ReadAllLines(path, Encoding.Latin1)
        .Where(l => l.StartsWith("02", StringComparison.Ordinal) || l.StartsWith("04", StringComparison.Ordinal))
        .Select(l => l[14..23])
        .Distinct()
        .ToList();

    [Fact]
    public async Task Generate_prints_one_summary_line_and_the_same_seed_gives_the_same_file()
    {
        var path = _temp.File("a.aw319");
        var outcome = await Wlz.RunAsync("generate", "--out", path, "--lines", "250", "--seed", "4", "--month", "2025-06", "--agb", "41234567", "--uzovi", "5520", "--test");

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        var line = Assert.Single(outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("250 lines", line, StringComparison.Ordinal);
        Assert.Contains("AGB 41234567", line, StringComparison.Ordinal);
        Assert.Contains("period 2025-06-01..2025-06-30", line, StringComparison.Ordinal);
        Assert.Contains("test", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path, ".*"));

        var again = _temp.File("b.aw319");
        await Wlz.RunAsync("generate", "--out", again, "--lines", "250", "--seed", "4", "--month", "2025-06", "--agb", "41234567", "--uzovi", "5520", "--test");
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
        var header = File.ReadAllLines(path)[0];
        Assert.Equal("5520", header[26..30]);
        Assert.Equal('T', header[9]);
    }

    [Fact]
    public async Task Generate_writes_the_reference_data_when_asked()
    {
        var directory = _temp.File("ref");
        var outcome = await Wlz.RunAsync("generate", "--out", _temp.File("x.aw319"), "--lines", "100", "--reference-out", directory, "--clients", "500", "--providers", "7");

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        foreach (var name in new[] { "providers.csv", "koppeltabel.csv", "afspraken.csv", "tarieven.csv", "maz.csv", "meerzorg.csv" })
        {
            Assert.True(File.Exists(Path.Combine(directory, name)), name);
        }

        Assert.Equal(8, File.ReadAllLines(Path.Combine(directory, "providers.csv")).Length);
        Assert.Equal(501, File.ReadAllLines(Path.Combine(directory, "maz.csv")).Length);
        Assert.Contains("reference data in", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_shows_every_record_of_a_generated_file_and_no_fault()
    {
        var path = await GenerateAsync();
        var records = File.ReadAllLines(path).Length;
        var outcome = await Wlz.RunAsync("inspect", path);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal("", outcome.Error);
        var lines = outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(records, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+  \d\d ")));
        Assert.Contains(lines, l => l.Contains("01 voorloop", StringComparison.Ordinal) && l.Contains("code 187 v01.04 P", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" 04 line", StringComparison.Ordinal) && l.Contains(" per etmaal", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" C  ref ", StringComparison.Ordinal) && l.Contains("credits ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("totals: AW319", StringComparison.Ordinal) && l.Contains("400 lines", StringComparison.Ordinal));
        Assert.Contains("faults: none in the file's structure", lines);
    }

    [Fact]
    public async Task Inspect_json_is_one_document_with_the_same_records_and_totals()
    {
        var path = await GenerateAsync();
        var outcome = await Wlz.RunAsync("inspect", path, "--format", "json");

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal(outcome.Out, (await Wlz.RunAsync("inspect", path, "--json")).Out);
        using var document = JsonDocument.Parse(outcome.Out);
        var root = document.RootElement;
        Assert.Equal("AW319", root.GetProperty("kind").GetString());
        Assert.Equal("41000001", root.GetProperty("records")[0].GetProperty("agb").GetString());
        Assert.True(root.GetProperty("isVektis").GetBoolean());
        Assert.False(root.GetProperty("rejected").GetBoolean());
        Assert.Equal(File.ReadAllLines(path).Length, root.GetProperty("records").GetArrayLength());
        Assert.Equal(400, root.GetProperty("totals").GetProperty("lines").GetInt64());
        Assert.Equal(0, root.GetProperty("faults").GetArrayLength());

        var lines = root.GetProperty("records").EnumerateArray().Where(r => r.GetProperty("type").GetString() == "04").ToList();
        var net = lines.Sum(l => l.GetProperty("declaratiebedragCents").GetInt64());
        Assert.Equal(net, root.GetProperty("totals").GetProperty("netCents").GetInt64());
        var sluit = root.GetProperty("records").EnumerateArray().Last();
        Assert.Equal(net, sluit.GetProperty("totaalDeclaratiebedragCents").GetInt64());
        var credit = lines.First(l => l.GetProperty("debetCredit").GetString() == "C");
        Assert.Contains(lines, l => l.GetProperty("referentienummer").GetString() == credit.GetProperty("referentienummerVoorgaand").GetString());
    }

    [Fact]
    public async Task Inspect_limits_the_records_shown_but_counts_them_all()
    {
        var path = await GenerateAsync();
        var outcome = await Wlz.RunAsync("inspect", path, "--max-records", "5");
        Assert.Equal(5, outcome.Out.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+  \d\d ")));
        Assert.Contains("more records not shown", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("400 lines", outcome.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Inspect_never_shows_a_whole_bsn_a_name_or_a_birth_date(bool json, bool showText)
    {
        var path = await GenerateAsync();
        var bsns = Bsns(path);
        Assert.NotEmpty(bsns);
        string[] args = ["inspect", path, .. json ? ["--json"] : Array.Empty<string>(), .. showText ? ["--show-text"] : Array.Empty<string>()];
        var outcome = await Wlz.RunAsync(args);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.All(bsns, bsn => Assert.DoesNotContain(bsn, outcome.Out, StringComparison.Ordinal));
        var clients = File.ReadAllLines(path, Encoding.Latin1).Where(l => l.StartsWith("02", StringComparison.Ordinal)).ToList();
        Assert.All(clients, c =>
        {
            Assert.DoesNotContain(c[63..88].Trim(), outcome.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(c[53..61], outcome.Out, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Inspect_of_a_record_of_the_wrong_length_says_where_the_file_breaks()
    {
        var path = await GenerateAsync();
        var lines = File.ReadAllLines(path).ToList();
        lines[2] = lines[2][..305];
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");

        var outcome = await Wlz.RunAsync("inspect", path);
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains("       3  04 line      (305 positions: fields not shown)", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("faults: ", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("  record 3: 0804 Lengte record is onjuist: record is 305 positions, expected 310", outcome.Out, StringComparison.Ordinal);

        using var document = JsonDocument.Parse((await Wlz.RunAsync("inspect", path, "--json")).Out);
        var fault = document.RootElement.GetProperty("faults").EnumerateArray().First();
        Assert.Equal(3, fault.GetProperty("record").GetInt64());
        Assert.Equal("0804", fault.GetProperty("code").GetString());
        Assert.True(document.RootElement.GetProperty("rejected").GetBoolean());
    }

    [Fact]
    public async Task Inspect_of_a_truncated_file_reports_the_missing_sluitrecord_and_the_cut_record()
    {
        var path = await GenerateAsync();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 312 - 100)]);

        var outcome = await Wlz.RunAsync("inspect", path);
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains("0208 Sluitrecord ontbreekt", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("8095", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_marks_a_record_level_fault_on_its_line()
    {
        var path = await GenerateAsync();
        var lines = File.ReadAllLines(path, Encoding.Latin1).ToList();
        var index = lines.FindIndex(l => l.StartsWith("04", StringComparison.Ordinal));
        lines[index] = lines[index][..129] + "00X1" + lines[index][133..];
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", Encoding.Latin1);

        var outcome = await Wlz.RunAsync("inspect", path);
        var shown = outcome.Out.Split('\n').Single(l => l.StartsWith($"{index + 1,8}  04", StringComparison.Ordinal));
        Assert.Contains("FAULT 8215", shown, StringComparison.Ordinal);
        Assert.Contains("? x", shown, StringComparison.Ordinal);
        Assert.Contains("records with faults of their own: 1", outcome.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty", "not a Vektis file: the file is empty")]
    [InlineData("junk", "not a Vektis file")]
    public async Task Inspect_of_something_that_is_not_a_vektis_file_says_so_without_failing(string kind, string expected)
    {
        var path = _temp.File(kind);
        var junk = new byte[10_000];
        new Random(3).NextBytes(junk);
        File.WriteAllBytes(path, kind == "empty" ? [] : junk);

        var outcome = await Wlz.RunAsync("inspect", path);
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains(expected, outcome.Out, StringComparison.Ordinal);

        var json = await Wlz.RunAsync("inspect", path, "--json");
        using var document = JsonDocument.Parse(json.Out);
        Assert.False(document.RootElement.GetProperty("isVektis").GetBoolean());
    }

    [Fact]
    public async Task Inspect_of_a_file_that_does_not_exist_fails_with_one_line()
    {
        var outcome = await Wlz.RunAsync("inspect", _temp.File("missing.aw319"));
        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("wlz inspect: ", error, StringComparison.Ordinal);
        Assert.EndsWith("missing.aw319: no such file", error, StringComparison.Ordinal);

        var directory = await Wlz.RunAsync("inspect", _temp.Path);
        Assert.Equal(ExitCodes.Failure, directory.ExitCode);
        Assert.Contains("is a directory", directory.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_of_an_aw320_shows_granted_amounts_and_retourcodes_with_their_meaning()
    {
        var input = await GenerateAsync();
        var answer = _temp.File("jan.aw320");
        var structure = await VektisReader.ReadFileAsync(input, new NoHandler());
        await using (var output = File.Create(answer))
        {
            await Aw320Responder.WriteAsync(() => File.OpenRead(input), structure, new StructuralAnswers(), output, Aw320Header.Create("ZK-1", new DateOnly(2026, 2, 10)));
        }

        var outcome = await Wlz.RunAsync("inspect", answer);
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains("code 188", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("| retour 2026-02-10 ref ZK-1: 8001 Declaratie(regel) is volledig toegewezen", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("toegekend", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("| 0200 Geen opmerking bij dit record", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("answers: 400 lines approved (8001), 0 not", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("totals: AW320", outcome.Out, StringComparison.Ordinal);
        Assert.All(Bsns(input), bsn => Assert.DoesNotContain(bsn, outcome.Out, StringComparison.Ordinal));

        using var document = JsonDocument.Parse((await Wlz.RunAsync("inspect", answer, "--json")).Out);
        var line = document.RootElement.GetProperty("records").EnumerateArray().First(r => r.GetProperty("type").GetString() == "04");
        Assert.Equal(line.GetProperty("declaratiebedragCents").GetInt64(), line.GetProperty("toegekendCents").GetInt64());
        Assert.Equal("8001", line.GetProperty("retourcodes")[0].GetProperty("code").GetString());
        Assert.Equal(400, document.RootElement.GetProperty("totals").GetProperty("approvedLines").GetInt64());
    }

    private sealed class NoHandler : IVektisRecordHandler
    {
        public void OnRecord(in VektisRecord record)
        {
        }
    }
}
