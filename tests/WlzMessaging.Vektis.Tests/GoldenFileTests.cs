using System.Text;
using WlzMessaging.Testing;
using WlzMessaging.Vektis.Tests.Support;

namespace WlzMessaging.Vektis.Tests;

/// <summary>
/// testdata/aw319: small hand-checked AW319 files and the exact AW320 expected for each, compared byte for byte; and the
/// expected files themselves checked at positions written out from specs/aw320.md, so a golden file cannot be a mere
/// snapshot of whatever the code once wrote.
/// </summary>
public sealed class GoldenFileTests
{
    private static string Folder => RepositoryRoot.Combine("testdata", "aw319");

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Folder, "*.aw319").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_golden_AW319_has_its_expected_AW320_and_no_AW320_is_left_without_one()
    {
        var inputs = Directory.GetFiles(Folder, "*.aw319").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();
        var outputs = Directory.GetFiles(Folder, "*.expected.aw320").Select(f => Path.GetFileName(f)[..^".expected.aw320".Length]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(5, inputs.Count);
        Assert.Equal(inputs, outputs);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_AW320_for_a_golden_file_is_the_expected_one_byte_for_byte(string name)
    {
        var input = await File.ReadAllBytesAsync(Path.Combine(Folder, name + ".aw319"));
        var expected = await File.ReadAllBytesAsync(Path.Combine(Folder, name + ".expected.aw320"));

        var answer = await Answering.RespondAsync(input);

        Assert.Equal(Encoding.Latin1.GetString(expected), Encoding.Latin1.GetString(answer.Bytes));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_golden_file_keeps_its_CR_LF_and_echoes_into_its_AW320_unchanged(string name)
    {
        var input = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(Folder, name + ".aw319")));
        var output = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(Folder, name + ".expected.aw320")));
        var sent = input[..^2].Split("\r\n");
        var answered = output[..^2].Split("\r\n");

        Assert.EndsWith("\r\n", input, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", output, StringComparison.Ordinal);
        Assert.All(sent, r => Assert.Equal(310, r.Length));
        Assert.All(answered, r => Assert.Equal(370, r.Length));
        Assert.DoesNotContain('\n', string.Concat(sent));
        Assert.Equal(sent.Length, answered.Length);
        Assert.Equal("01188", answered[0][..5]);
        Assert.Equal(sent[0][5..], answered[0][5..310]);
        for (var i = 1; i < sent.Length - 1; i++)
        {
            Assert.Equal(sent[i], answered[i][..310]);
        }

        Assert.Equal(sent[^1][..33], answered[^1][..33]);
        Assert.Equal("WLZ-TEST-0001           20250210", answered[0][310..342]);
    }

    [Theory]
    [InlineData("one-client-one-line", 0)]
    [InlineData("several-clients", 0)]
    [InlineData("credit-lines", 0)]
    [InlineData("comments", 0)]
    [InlineData("record-faults", 2)]
    public async Task A_golden_file_is_a_sound_file(string name, int recordsWithFaults)
    {
        var read = await Reading.ReadAsync(await File.ReadAllBytesAsync(Path.Combine(Folder, name + ".aw319")));

        Assert.False(read.Result.IsRejected);
        Assert.Equal(recordsWithFaults, read.Result.RecordsWithFaults);
    }

    // Checked by hand: line (0-based record), 1-based first and last position, and what stands there.
    // 04: 311-318 berekend (aantal × tarief), 319 D/C, 320-327 toegekend, 328 D/C, 329-340 codes.
    // 99: 3-33 counts (02, 03, 04, 98, all detail records), 34-44 ingediend, 45 D/C, 46-56 toegekend, 57 D/C.
    [Theory]
    [InlineData("one-client-one-line", 0, 343, 354, "8001        ")]
    [InlineData("one-client-one-line", 1, 311, 322, "0200        ")]
    [InlineData("one-client-one-line", 2, 311, 340, "00506602D00506602D8001        ")] // 31 × 163.42 = 5,066.02
    [InlineData("one-client-one-line", 3, 1, 57, "99000001000000000001000000" + "0000002" + "00000506602D00000506602D")]
    [InlineData("several-clients", 2, 311, 328, "00506602D00506602D")]
    [InlineData("several-clients", 3, 311, 328, "00010350D00010350D")] // 90 minutes × 1.15 = 103.50
    [InlineData("several-clients", 5, 311, 328, "00373550D00373550D")] // 31 × 120.50 = 3,735.50
    [InlineData("several-clients", 7, 311, 328, "00041736D00041736D")] // 8 hours × 52.17 = 417.36
    [InlineData("several-clients", 8, 1, 57, "99000003000000000004000000" + "0000007" + "00000932238D00000932238D")]
    [InlineData("credit-lines", 2, 195, 234, "WLZ-A-2412-02       WLZ-A-2412-01       ")] // the credit names its debit in 0432
    [InlineData("credit-lines", 2, 311, 340, "00499100C00499100C8001        ")] // 31 × 161.00 credited
    [InlineData("credit-lines", 3, 311, 340, "00483000D00483000D8001        ")] // 30 × 161.00 declared again
    [InlineData("credit-lines", 5, 311, 340, "00373550C00373550C8001        ")]
    [InlineData("credit-lines", 6, 1, 57, "99000002000000000003000000" + "0000005" + "00000389650C00000389650C")] // −4,991 + 4,830 − 3,735.50
    [InlineData("comments", 2, 1, 18, "980000000000010001")] // a 98 repeats the id of its 02 and numbers its lines
    [InlineData("comments", 3, 1, 18, "980000000000010002")]
    [InlineData("comments", 3, 311, 322, "0200        ")]
    [InlineData("comments", 5, 1, 18, "980000000000020001")]
    [InlineData("comments", 9, 311, 370, "0200                                                        ")]
    [InlineData("comments", 10, 1, 57, "99000002000000000003000004" + "0000009" + "00000890502D00000890502D")]
    [InlineData("record-faults", 0, 343, 354, "0200        ")] // some lines approved, some not
    [InlineData("record-faults", 1, 311, 322, "0350        ")] // 0207 "1940 315" is not digits
    [InlineData("record-faults", 2, 311, 322, "8002        ")] // the 98 under the rejected 02
    [InlineData("record-faults", 3, 311, 340, "00506602D00000000D8002        ")]
    [InlineData("record-faults", 4, 311, 322, "8002        ")]
    [InlineData("record-faults", 6, 311, 340, "00373550D00000000D8196        ")] // 0409 differs from 0225
    [InlineData("record-faults", 7, 311, 322, "8002        ")]
    [InlineData("record-faults", 8, 311, 340, "00373550D00373550D8001        ")]
    [InlineData("record-faults", 9, 1, 57, "99000002000000000003000003" + "0000008" + "00001253702D00000373550D")]
    public async Task A_golden_AW320_holds_the_hand_checked_value(string name, int line, int start, int end, string expected)
    {
        var output = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(Folder, name + ".expected.aw320")));
        var record = output.Split("\r\n")[line];

        Assert.Equal(expected, record[(start - 1)..end]);
    }
}
