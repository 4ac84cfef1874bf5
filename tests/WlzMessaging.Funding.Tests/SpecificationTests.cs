using System.Globalization;
using System.Text.RegularExpressions;
using WlzMessaging.Testing;

namespace WlzMessaging.Funding.Tests;

/// <summary>Keeps specs/funding.md and the code together: every row of its worked-example table is checked.</summary>
public sealed partial class SpecificationTests
{
    [Fact]
    public void Every_row_of_the_worked_example_table_in_the_spec_matches_the_calculator()
    {
        var rows = WorkedExampleRows().ToArray();

        Assert.Equal(5, rows.Length);
        foreach (var row in rows)
        {
            var figures = WorkedExample.RunOf(row[0]).ProductionOf(2024)!;
            Assert.Equal(
                (row[0], Amount(row[3]), Amount(row[4]), Amount(row[5]), Amount(row[6]), Amount(row[7])),
                (row[0], (long)figures.ElapsedMonths, figures.CapCents, figures.NonExempt.TotalCents, figures.DueCents,
                    figures.ItemCents));
        }
    }

    [Fact]
    public void The_spec_names_the_figures_of_werkvoorschot_recovery_and_settlement_the_code_produces()
    {
        var spec = File.ReadAllText(RepositoryRoot.Combine("specs", "funding.md"));

        Assert.Contains("**10,204,082**", spec, StringComparison.Ordinal);
        Assert.Contains("**5,204,082**", spec, StringComparison.Ordinal);
        Assert.Contains("**600,000**", spec, StringComparison.Ordinal);
        Assert.Contains("**−404,082**", spec, StringComparison.Ordinal);
        Assert.Contains("**10,714,286**", spec, StringComparison.Ordinal);
        Assert.Contains("**10,310,204**", spec, StringComparison.Ordinal);
        Assert.Equal(5_204_082, WorkedExample.RunOf("2024-01-01").PaymentCents);
        Assert.Equal(10_310_204, WorkedExample.RunOf("2025-01-01").PaymentCents);
    }

    private static IEnumerable<string[]> WorkedExampleRows() =>
        File.ReadLines(RepositoryRoot.Combine("specs", "funding.md"))
            .Where(line => line.StartsWith("| 2024-", StringComparison.Ordinal))
            .Select(line => line.Trim('|', ' ').Split('|').Select(cell => cell.Trim()).ToArray());

    /// <summary>The leading amount of a cell: "15,000,000 (1,000,000 withheld)" → 15000000.</summary>
    private static long Amount(string cell) =>
        long.Parse(LeadingAmount().Match(cell).Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?[\d,]+")]
    private static partial Regex LeadingAmount();
}
