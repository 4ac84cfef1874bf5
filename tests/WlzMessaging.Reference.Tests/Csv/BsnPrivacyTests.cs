using System.Text.RegularExpressions;
using WlzMessaging.Reference.Csv;
using static WlzMessaging.Reference.Tests.CsvText;

namespace WlzMessaging.Reference.Tests.Csv;

/// <summary>
/// A BSN is special personal data under the AVG: problem messages end up in logs and operator mail, so no message may
/// hold one, however the row is broken (a shifted row can put a BSN in any column).
/// </summary>
public partial class BsnPrivacyTests
{
    private static readonly string[] s_bsns = ["999990019", "999990018", "012345611", "123456782", "123456789", "999999999"];

    public static TheoryData<string> FilesWithABsn => new() { "maz.csv", "meerzorg.csv" };

    [Theory]
    [MemberData(nameof(FilesWithABsn))]
    public void No_problem_message_holds_a_BSN(string file)
    {
        var parser = ReferenceCsv.All.Single(p => p.FileName == file);
        var extra = parser.Columns.Count == 5 ? ";100" : string.Empty;
        var rows = new List<string>();
        foreach (var bsn in s_bsns)
        {
            rows.AddRange(
            [
                $"{bsn};73730001;2025-01-01;2025-12-31{extra}",      // fine or failing the elfproef
                $"{bsn};73730001;2025-01-01;2025-12-31{extra}",      // a duplicate / an overlap
                $"73730001;{bsn};2025-01-01;2025-12-31{extra}",      // agb and bsn swapped
                $"2025-01-01;73730001;{bsn};{bsn}{extra}",           // a BSN where dates belong
                $"{bsn}x;73730001;2025-01-01;2025-12-31{extra}",     // not 9 digits, still holding the digits
                $"{bsn};{bsn};{bsn};{bsn};{bsn};{bsn}",              // the wrong number of fields
                $"{bsn};73730001;2025-01-01;2025-12-31;{bsn}{extra}",
                $"{bsn};73730001;2025-12-31;2025-01-01;{bsn}",
            ]);
        }

        // Once with the header, and once without: then line 1 is a client's row and the header problem must not echo it.
        var withHeader = (IReferenceFileResult)parser.Parse(new StringReader(string.Join('\n', [string.Join(';', parser.Columns), .. rows])));
        var withoutHeader = (IReferenceFileResult)parser.Parse(new StringReader(string.Join('\n', rows)));

        var messages = Problems(withHeader).Concat(Problems(withoutHeader)).ToArray();
        Assert.True(withHeader.ProblemCount > 40, $"the test must produce many problems, got {withHeader.ProblemCount}");
        Assert.Contains(messages, m => m.EndsWith("bsn: fails the elfproef", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("duplicate", StringComparison.Ordinal) || m.Contains("overlaps", StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotMatch(NineDigits(), m));
        Assert.All(messages, m => Assert.All(s_bsns, bsn => Assert.DoesNotContain(bsn, m, StringComparison.Ordinal)));
    }

    [Fact]
    public void Rows_with_a_BSN_do_not_print_it()
    {
        var maz = new MazRow(999990019, 73730001, new DateOnly(2025, 1, 1), null);
        var meerzorg = new MeerzorgRow(999990019, 73730001, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), 9850);

        Assert.Equal("MazRow { Agb = 73730001, Begindatum = 2025-01-01, Einddatum =  }", maz.ToString());
        Assert.DoesNotContain("999990019", meerzorg.ToString(), StringComparison.Ordinal);
        Assert.Contains("TariefCent = 9850", meerzorg.ToString(), StringComparison.Ordinal);
    }

    // Nine digits in a row anywhere; line numbers and years are far shorter.
    [GeneratedRegex("[0-9]{9}")]
    private static partial Regex NineDigits();
}
