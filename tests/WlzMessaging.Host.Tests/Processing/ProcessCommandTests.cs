using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using WlzMessaging.Host.Cli;
using WlzMessaging.Host.Tests.Support;
using WlzMessaging.Ingestion;
using WlzMessaging.Ingestion.Monitoring;
using WlzMessaging.Operations;
using WlzMessaging.Testing;

namespace WlzMessaging.Host.Tests.Processing;

/// <summary><c>wlz process</c> against a real PostgreSQL: answers, stored lines, repeats and refusals.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ProcessCommandTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly string ReceivedText = Aw319Files.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);


    private Task<Wlz.Outcome> ProcessAsync(params string[] args) =>
        Wlz.RunAsync(["process", .. args, "--received", ReceivedText, "--connection", Database.ConnectionString]);

    [Fact]
    public async Task A_generated_file_under_its_reference_data_is_approved_line_by_line_and_every_line_is_stored_with_its_outcome()
    {
        var input = Temp.File("in/jan.aw319");
        var reference = Temp.File("reference");
        var generated = await Aw319Files.GenerateAsync(input, 2_000, seed: 11, referenceOut: reference);

        var outcome = await ProcessAsync(input, "--out", Temp.File("out"), "--verbose", "--reference", reference);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal("", outcome.Error);
        var lines = outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(".csv: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("jan.aw319: 2,000 lines, 2,000 approved, 0 rejected; declared EUR ", lines[0], StringComparison.Ordinal);
        Assert.Contains($"approved EUR {GenerateNet(generated.NetTotalCents)}", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  time: first pass+hash ", lines[1], StringComparison.Ordinal);
        Assert.Contains("reference snapshot beside it", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  runtime so far: CPU of wlz ", lines[2], StringComparison.Ordinal);
        Assert.Contains(" s for ", lines[2], StringComparison.Ordinal);

        await using var connection = await Database.OpenConnectionAsync();
        var fileId = await Aw319Files.FileIdAsync(connection, "jan.aw319");
        var aw320 = Temp.File("out/jan.aw320");
        // Every line approved at the contracted tariff (= the declared one): the answer the codec alone would give.
        Assert.Equal(await Aw319Files.StructuralAnswerAsync(input, fileId, Aw319Files.Received), await File.ReadAllBytesAsync(aw320));
        Assert.Equal(
            await Aw319Files.AdjudicatedAnswerAsync(input, fileId, Aw319Files.Received, reference: Aw319Files.LoadReference(reference)),
            await File.ReadAllBytesAsync(aw320));
        Assert.Empty(Directory.EnumerateFiles(Temp.File("out"), ".*"));

        var file = await connection.QuerySingleAsync<(string Status, int LineCount, int Approved, long Declared, long ApprovedCents, DateOnly Received)>(
            "SELECT status, line_count, approved_count, declared_cents, approved_cents, received_on FROM vektis_file WHERE id = @fileId", new { fileId });
        Assert.Equal(("processed", 2_000, 2_000, generated.NetTotalCents, generated.NetTotalCents, Aw319Files.Received), file);

        var stored = (await connection.QueryAsync<(long RecordId, string Reference, long Approved, short Code, DateOnly ReceivedOn, bool Production)>(
                "SELECT record_id, referentienummer, approved_cents, retourcode_1, received_on, production FROM declaration_line WHERE file_id = @fileId",
                new { fileId }))
            .ToList();
        var answered = await Aw319Files.AnsweredLinesAsync(aw320);
        Assert.Equal(2_000, stored.Count);
        Assert.Equal(answered.Count, stored.Count);
        Assert.All(stored, line =>
        {
            Assert.Equal(answered[line.RecordId], (line.Reference, line.Approved, (int)line.Code));
            Assert.Equal(Aw319Files.Received, line.ReceivedOn);
            Assert.True(line.Production);
        });

        var kept = await connection.QuerySingleAsync<(byte[] Sha256, long Size, string Path)>(
            "SELECT sha256, size_bytes, path FROM aw320 WHERE file_id = @fileId", new { fileId });
        Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(aw320)), kept.Sha256);
        Assert.Equal(new FileInfo(aw320).Length, kept.Size);
        Assert.Equal(aw320, kept.Path);
        Assert.True(File.Exists(input), "process leaves its input where it is");
    }

    [Fact]
    public async Task The_same_file_twice_is_stored_once_and_answered_with_the_same_AW320()
    {
        var input = Temp.File("in/feb.aw319");
        await Aw319Files.GenerateAsync(input, 500, seed: 12);
        var copy = Temp.File("again/feb-copy.aw319");
        Directory.CreateDirectory(Temp.File("again"));
        File.Copy(input, copy);

        var first = await ProcessAsync(input, "--out", Temp.File("out1"));
        var second = await ProcessAsync(input, "--out", Temp.File("out2"));
        var third = await ProcessAsync(copy, "--out", Temp.File("out1"));

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Equal(ExitCodes.Ok, third.ExitCode);
        Assert.Contains("identical to feb.aw319 (file ", second.Out, StringComparison.Ordinal);
        Assert.Contains("its AW320 answered again, nothing stored: 500 lines", second.Out, StringComparison.Ordinal);
        var original = await File.ReadAllBytesAsync(Temp.File("out1/feb.aw320"));
        Assert.Equal(original, await File.ReadAllBytesAsync(Temp.File("out2/feb.aw320")));
        Assert.Equal(original, await File.ReadAllBytesAsync(Temp.File("out1/feb-copy.aw320")));

        await using var connection = await Database.OpenConnectionAsync();
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vektis_file"));
        Assert.Equal(500L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
    }

    [Fact]
    public async Task Another_file_with_an_invoice_number_already_processed_is_rejected_with_0030()
    {
        // The generator's invoice number is the month and the seed: same seed, another length, other content.
        var first = Temp.File("in/first.aw319");
        var again = Temp.File("in/again.aw319");
        await Aw319Files.GenerateAsync(first, 300, seed: 13);
        var repeated = await Aw319Files.GenerateAsync(again, 310, seed: 13);

        Assert.Equal(ExitCodes.Ok, (await ProcessAsync(first, "--out", Temp.File("out"))).ExitCode);
        var outcome = await ProcessAsync(again, "--out", Temp.File("out"));

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.StartsWith("again.aw319: rejected as a whole (0001 0030): 310 lines not judged", outcome.Out, StringComparison.Ordinal);
        var answer = await File.ReadAllLinesAsync(Temp.File("out/again.aw320"), Encoding.Latin1);
        Assert.Equal(2, answer.Length);
        Assert.Equal("00010030    ", answer[0][342..354]);
        Assert.StartsWith("99", answer[1], StringComparison.Ordinal);
        Assert.Equal(File.ReadLines(again, Encoding.Latin1).Last()[..33], answer[1][..33]);
        Assert.Equal(repeated.NetTotalCents.ToString("D11", CultureInfo.InvariantCulture), answer[1][33..44]);
        Assert.Equal("00000000000D", answer[1][45..57]);

        await using var connection = await Database.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Status, short[] Codes, int Lines)>(
            "SELECT status, retourcodes, line_count FROM vektis_file WHERE file_name = 'again.aw319'");
        Assert.Equal("rejected", row.Status);
        Assert.Equal(new short[] { 1, 30 }, row.Codes);
        Assert.Equal(0, row.Lines);
        Assert.Equal(300L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
    }

    [Fact]
    public async Task A_file_that_is_no_Vektis_file_is_refused_in_one_line_and_left_where_it_is()
    {
        var junk = Temp.File("in/notes.aw319");
        Directory.CreateDirectory(Temp.File("in"));
        await File.WriteAllTextAsync(junk, "Dear zorgkantoor,\r\nplease find attached...\r\n");

        var outcome = await ProcessAsync(junk, "--out", Temp.File("out"));

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        var error = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("wlz process: notes.aw319: not a Vektis AW319, no AW320 can be formed: ", error, StringComparison.Ordinal);
        Assert.Contains("voorlooprecord", error, StringComparison.Ordinal);
        Assert.True(File.Exists(junk));
        Assert.False(File.Exists(Temp.File("out/notes.aw320")));
        await using var connection = await Database.OpenConnectionAsync();
        Assert.Equal("quarantined", await connection.ExecuteScalarAsync<string>("SELECT status FROM vektis_file WHERE file_name = 'notes.aw319'"));
    }

    [Fact]
    public async Task A_file_for_another_zorgkantoor_is_rejected_as_a_whole_and_still_answered()
    {
        var input = Temp.File("in/elsewhere.aw319");
        await Aw319Files.GenerateAsync(input, 50, seed: 14);

        var outcome = await ProcessAsync(input, "--out", Temp.File("out"), "--uzovi", "5599");

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.StartsWith("elsewhere.aw319: rejected as a whole (0001 0018): 50 lines not judged", outcome.Out, StringComparison.Ordinal);
        await using var connection = await Database.OpenConnectionAsync();
        var fileId = await Aw319Files.FileIdAsync(connection, "elsewhere.aw319");
        Assert.Equal(await Aw319Files.AdjudicatedAnswerAsync(input, fileId, Aw319Files.Received, uzovi: 5599),
            await File.ReadAllBytesAsync(Temp.File("out/elsewhere.aw320")));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line"));
    }

    [Fact]
    public async Task A_directory_is_every_aw319_in_it_in_name_order_and_a_test_file_is_stored_as_test()
    {
        var directory = Temp.File("batch");
        await Aw319Files.GenerateAsync(Path.Combine(directory, "b.aw319"), 20, seed: 15);
        await Aw319Files.GenerateAsync(Path.Combine(directory, "a.aw319"), 30, seed: 16, test: true);
        await File.WriteAllTextAsync(Path.Combine(directory, "readme.txt"), "not taken");

        var outcome = await ProcessAsync(directory, "--out", Temp.File("out"));

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        var lines = outcome.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(".csv: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("a.aw319: 30 lines", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("b.aw319: 20 lines", lines[1], StringComparison.Ordinal);
        await using var connection = await Database.OpenConnectionAsync();
        Assert.Equal(30L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM declaration_line WHERE NOT production"));
        Assert.Equal("T", await connection.ExecuteScalarAsync<string>("SELECT soort_bericht FROM vektis_file WHERE file_name = 'a.aw319'"));
    }

    [Fact]
    public async Task A_missing_input_is_a_one_line_failure()
    {
        var outcome = await ProcessAsync(Temp.File("nothing.aw319"), "--out", Temp.File("out"));

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.Equal($"wlz process: {Temp.File("nothing.aw319")}: no such file or directory", Assert.Single(outcome.ErrorLines));
    }

    private static string GenerateNet(long cents) => Money.DebetCredit(cents);
}
