using System.Text;
using WlzMessaging.Testing;
using WlzMessaging.Vektis.Tests.Support;

namespace WlzMessaging.Vektis.Tests;

/// <summary>
/// testdata/broken: one fault a file, with what the reader must say listed in testdata/broken/index.csv. An entry is a
/// list of: file-level codes in the order found, <c>N:CODE</c> for a code on record N, and <c>not-vektis</c>.
/// </summary>
public sealed class BrokenFileTests
{
    private static string Folder => RepositoryRoot.Combine("testdata", "broken");

    private static Dictionary<string, string> Index() =>
        File.ReadAllLines(Path.Combine(Folder, "index.csv")).Skip(1).Select(l => l.Split(';')).ToDictionary(p => p[0], p => p[1]);

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (file, expected) in Index().OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            cases.Add(file, expected);
        }

        return cases;
    }

    [Fact]
    public void Every_broken_file_is_in_the_index_and_every_entry_has_its_file()
    {
        var files = Directory.GetFiles(Folder, "*.aw319").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Index().Keys.Order(StringComparer.Ordinal).ToList());
        Assert.True(files.Count >= 50, $"{files.Count} broken files");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_file_gets_exactly_the_retourcodes_in_the_index(string file, string expected)
    {
        var read = await Reading.ReadAsync(await File.ReadAllBytesAsync(Path.Combine(Folder, file)));

        var found = new List<string>();
        if (!read.Result.IsVektis)
        {
            found.Add("not-vektis");
        }

        found.AddRange(read.FileCodes);
        found.AddRange(read.RecordCodes.Select(c => c.Replace(' ', '+')));
        Assert.Equal(expected, string.Join(' ', found));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_file_that_can_be_answered_is_answered_with_0001_and_its_first_two_reasons(string file, string expected)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Folder, file));
        if (expected.StartsWith("not-vektis", StringComparison.Ordinal))
        {
            return;
        }

        var answer = await Answering.RespondAsync(bytes);
        var codes = expected.Split(' ').Where(t => !t.Contains(':', StringComparison.Ordinal)).ToList();
        if (codes.Count == 0)
        {
            // Only record faults: the file is accepted and answered record for record.
            Assert.False(answer.Summary.Rejected);
            Assert.Equal(Encoding.Latin1.GetString(bytes).Split("\r\n").Length - 1, answer.Lines.Length);
            return;
        }

        Assert.True(answer.Summary.Rejected);
        Assert.Equal(2, answer.Lines.Length);
        Assert.Equal(string.Concat(new[] { "0001" }.Concat(codes).Take(3)).PadRight(12), answer.At(0, 343, 354));
    }
}
